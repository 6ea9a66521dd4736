import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, MAESTRO_CONFIG, type MaestroConfig, storageOptionsOf } from '@maestro/config';
import { PlatformModule, createPinoLogger } from '@maestro/platform';
import { StorageModule } from '@maestro/storage';

/** Composition root of the worker for one configuration (used by main.ts and the tests). */
@Module({})
export class WorkerRoot {
  static forConfig(env: Record<string, string | undefined>, config: MaestroConfig): DynamicModule {
    const pino = createPinoLogger({ service: 'worker', level: config.log.level, format: config.log.format });
    return {
      module: WorkerRoot,
      imports: [
        AppConfigModule.forComponent('worker', env),
        PlatformModule.forApp(pino),
        StorageModule.forRootAsync({ inject: [MAESTRO_CONFIG], useFactory: storageOptionsOf }),
      ],
    };
  }
}
