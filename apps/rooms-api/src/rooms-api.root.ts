import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, MAESTRO_CONFIG, type MaestroConfig, storageOptionsOf } from '@maestro/config';
import {
  CLOCK,
  INSTANCE_STORAGE,
  LOGGER,
  ROOM_STORAGE,
  RoomAccess,
  RoomEvents,
  RoomStatusService,
  SCHEDULER_CACHE,
  SCHEDULER_STORAGE,
  SchedulerLookup,
  systemClock,
} from '@maestro/domain';
import { PlatformModule, createPinoLogger } from '@maestro/platform';
import { StorageModule } from '@maestro/storage';
import { RoomsController } from './rooms/rooms.controller';

/** Composition root of the rooms API for one configuration (used by main.ts and the tests). */
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
      controllers: [RoomsController],
      providers: [
        { provide: CLOCK, useValue: systemClock },
        {
          provide: SchedulerLookup,
          inject: [SCHEDULER_CACHE, SCHEDULER_STORAGE],
          useFactory: (cache, storage) => new SchedulerLookup(cache, storage, config.schedulerCacheTtlMs),
        },
        {
          provide: RoomStatusService,
          inject: [ROOM_STORAGE, INSTANCE_STORAGE, SchedulerLookup, CLOCK, LOGGER],
          useFactory: (rooms, instances, schedulers, clock, logger) =>
            new RoomStatusService({ rooms, instances, schedulers, clock, logger }, { allocationTtlMs: config.roomManager.allocationTtlMs }),
        },
        { provide: RoomAccess, inject: [ROOM_STORAGE, INSTANCE_STORAGE, CLOCK], useFactory: (rooms, instances, clock) => new RoomAccess({ rooms, instances, clock }) },
        { provide: RoomEvents, inject: [SchedulerLookup], useFactory: (schedulers) => new RoomEvents(schedulers) },
      ],
    };
  }
}
