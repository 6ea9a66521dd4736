import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, MAESTRO_CONFIG, type MaestroConfig, storageOptionsOf } from '@maestro/config';
import {
  CLOCK,
  EVENTS_FORWARDER,
  EventsForwarderService,
  INSTANCE_STORAGE,
  LOGGER,
  ROOM_STORAGE,
  RoomAccess,
  RoomStatusService,
  SCHEDULER_CACHE,
  SCHEDULER_STORAGE,
  SchedulerLookup,
  systemClock,
} from '@maestro/domain';
import { EventsForwarderModule } from '@maestro/events-forwarder';
import { METRICS_REGISTRY, PlatformModule, createPinoLogger } from '@maestro/platform';
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
        EventsForwarderModule.forRootAsync({
          inject: [METRICS_REGISTRY],
          useFactory: (registry) => ({ keepAliveTimeMs: config.grpc.keepAliveTimeMs, keepAliveTimeoutMs: config.grpc.keepAliveTimeoutMs, registry }),
        }),
      ],
      controllers: [RoomsController],
      providers: [
        { provide: CLOCK, useValue: systemClock },
        {
          provide: SchedulerLookup,
          inject: [SCHEDULER_CACHE, SCHEDULER_STORAGE],
          // Pings reuse a scheduler in-process for up to a second: each ping only checks, in its pipelined
          // write, that the cache's invalidation generation is unchanged (the worker's switches show at once).
          useFactory: (cache, storage) => new SchedulerLookup(cache, storage, config.schedulerCacheTtlMs, 1_000),
        },
        {
          provide: EventsForwarderService,
          inject: [EVENTS_FORWARDER, SchedulerLookup, ROOM_STORAGE, INSTANCE_STORAGE, LOGGER, CLOCK],
          useFactory: (forwarder, schedulers, rooms, instances, logger, clock) => new EventsForwarderService({ forwarder, schedulers, rooms, instances, logger, clock }),
        },
        {
          provide: RoomStatusService,
          inject: [ROOM_STORAGE, INSTANCE_STORAGE, SchedulerLookup, CLOCK, LOGGER, EventsForwarderService],
          useFactory: (rooms, instances, schedulers, clock, logger, forwarding) =>
            new RoomStatusService({ rooms, instances, schedulers, clock, logger }, { allocationTtlMs: config.roomManager.allocationTtlMs }, forwarding),
        },
        { provide: RoomAccess, inject: [ROOM_STORAGE, INSTANCE_STORAGE, CLOCK], useFactory: (rooms, instances, clock) => new RoomAccess({ rooms, instances, clock }) },
      ],
    };
  }
}
