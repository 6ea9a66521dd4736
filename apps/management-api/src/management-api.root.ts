import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, type MaestroConfig } from '@maestro/config';
import { PlatformModule, createPinoLogger } from '@maestro/platform';
import { ManagementApiModule } from './app.module';

/** The whole application for one configuration (used by main.ts and by the tests). */
@Module({})
export class ManagementApiRoot {
  static forConfig(env: Record<string, string | undefined>, config: MaestroConfig): DynamicModule {
    const pino = createPinoLogger({ service: 'management-api', level: config.log.level, format: config.log.format });
    return {
      module: ManagementApiRoot,
      imports: [AppConfigModule.forComponent('management-api', env), PlatformModule.forApp(pino), ManagementApiModule],
    };
  }
}
