import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, MAESTRO_CONFIG, type MaestroConfig, storageOptionsOf } from '@maestro/config';
import { PlatformModule, createPinoLogger } from '@maestro/platform';
import { StorageModule } from '@maestro/storage';

/** Composition root of the rooms-api for one configuration (used by main.ts and the tests). */
@Module({})
export class RoomsApiRoot {
  static forConfig(env: Record<string, string | undefined>, config: MaestroConfig): DynamicModule {
    const pino = createPinoLogger({ service: 'rooms-api', level: config.log.level, format: config.log.format });
    return {
      module: RoomsApiRoot,
      imports: [
        AppConfigModule.forComponent('rooms-api', env),
        PlatformModule.forApp(pino),
        StorageModule.forRootAsync({ inject: [MAESTRO_CONFIG], useFactory: storageOptionsOf }),
      ],
    };
  }
}
