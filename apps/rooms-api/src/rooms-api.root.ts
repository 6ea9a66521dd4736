import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, MAESTRO_CONFIG, type MaestroConfig, forwarderOptionsOf, requireRoomsSecret, storageOptionsOf } from '@maestro/config';
import { CLOCK, INSTANCE_STORAGE, ROOM_ALLOCATOR, RoomAccess, RoomStatusService } from '@maestro/domain';
import { EventsForwarderModule } from '@maestro/events-forwarder';
import {
  DIRECT_ROUTES,
  METRICS_REGISTRY,
  PlatformModule,
  authProviders,
  clockProvider,
  createPinoLogger,
  eventsForwarderServiceProvider,
  queuedRoomEventsProvider,
  ForwardingDrain,
  roomStatusServiceProvider,
  schedulerLookupProvider,
} from '@maestro/platform';
import { StorageModule } from '@maestro/storage';
import { RoomMetrics } from './rooms/room-metrics';
import { ROOMS_ROUTE_ACCESS } from './auth/route-access';
import { RoomsController } from './rooms/rooms.controller';
import { roomsDirectRoutes } from './rooms/rooms.direct-routes';

/** Largest request body of the rooms API: pings and events are small (not in Maestro, docs/compatibility). */
export const ROOMS_API_BODY_LIMIT_BYTES = 16 * 1024;

/** Composition root of the rooms API for one configuration (used by main.ts and the tests). */
@Module({})
export class RoomsApiRoot {
  static forConfig(env: Record<string, string | undefined>, config: MaestroConfig): DynamicModule {
    requireRoomsSecret(config);
    const pino = createPinoLogger({ service: 'rooms-api', level: config.log.level, format: config.log.format });
    return {
      module: RoomsApiRoot,
      imports: [
        AppConfigModule.forComponent('rooms-api', env),
        PlatformModule.forApp(pino, { bodyLimitBytes: ROOMS_API_BODY_LIMIT_BYTES }),
        StorageModule.forRootAsync({ inject: [MAESTRO_CONFIG], useFactory: storageOptionsOf }),
        EventsForwarderModule.forRootAsync({
          inject: [METRICS_REGISTRY],
          useFactory: (registry) => ({ ...forwarderOptionsOf(config), registry }),
        }),
      ],
      controllers: [RoomsController],
      providers: [
        clockProvider,
        // Pings reuse a scheduler in-process for up to a second: each ping only checks, in its pipelined
        // write, that the cache's invalidation generation is unchanged (the worker's switches show at once).
        schedulerLookupProvider({ memoMs: 1_000 }),
        eventsForwarderServiceProvider,
        queuedRoomEventsProvider,
        ForwardingDrain,
        roomStatusServiceProvider,
        RoomMetrics,
        ...authProviders(ROOMS_ROUTE_ACCESS, 'rooms'),
        {
          provide: RoomAccess,
          inject: [INSTANCE_STORAGE, ROOM_ALLOCATOR, CLOCK],
          useFactory: (instances, allocator, clock) => new RoomAccess({ instances, allocator, clock }),
        },
        {
          provide: DIRECT_ROUTES,
          inject: [RoomStatusService, RoomAccess, CLOCK, RoomMetrics],
          useFactory: (statuses, access, clock, metrics) => roomsDirectRoutes({ statuses, access, clock, metrics }),
        },
      ],
    };
  }
}
