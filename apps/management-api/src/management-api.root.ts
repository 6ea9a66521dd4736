import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, type MaestroConfig } from '@maestro/config';
import { PlatformModule, createPinoLogger } from '@maestro/platform';
import { ManagementApiModule } from './app.module';

/** Largest request body of the management API: far more than a real scheduler needs (not in Maestro, docs/compatibility). */
export const MANAGEMENT_API_BODY_LIMIT_BYTES = 1024 * 1024;

/** The whole application for one configuration (used by main.ts and by the tests). */
@Module({})
export class ManagementApiRoot {
  static forConfig(env: Record<string, string | undefined>, config: MaestroConfig): DynamicModule {
    const pino = createPinoLogger({ service: 'management-api', level: config.log.level, format: config.log.format });
    return {
      module: ManagementApiRoot,
      imports: [
        AppConfigModule.forComponent('management-api', env),
        PlatformModule.forApp(pino, { bodyLimitBytes: MANAGEMENT_API_BODY_LIMIT_BYTES }),
        ManagementApiModule,
      ],
    };
  }
}
