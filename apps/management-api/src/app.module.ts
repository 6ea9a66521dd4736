import { Module } from '@nestjs/common';
import { MAESTRO_CONFIG, type MaestroConfig, forwarderOptionsOf, storageOptionsOf } from '@maestro/config';
import {
  AUTOSCALING_DECISIONS,
  AutoscalingInsights,
  AutoscalingSimulator,
  CLOCK,
  FleetView,
  INSTANCE_STORAGE,
  OperationManager,
  ROOM_SAMPLES,
  ROOM_STORAGE,
  SCHEDULER_CACHE,
  SCHEDULER_STORAGE,
  SchedulerManager,
} from '@maestro/domain';
import { authProviders, clockProvider, operationManagerProvider, schedulerLookupProvider } from '@maestro/platform';
import { StorageModule } from '@maestro/storage';
import { AutoscalingController } from './autoscaling/autoscaling.controller';
import { OperationsController } from './operations/operations.controller';
import { RoomsController } from './rooms/rooms.controller';
import { SchedulersController } from './schedulers/schedulers.controller';
import { TokensController } from './tokens/tokens.controller';
import { MANAGEMENT_ROUTE_ACCESS } from './auth/route-access';

/** Composition root of the management API: storage adapters, use cases, authentication, controllers. */
@Module({
  imports: [StorageModule.forRootAsync({ inject: [MAESTRO_CONFIG], useFactory: storageOptionsOf })],
  controllers: [SchedulersController, OperationsController, RoomsController, TokensController, AutoscalingController],
  providers: [
    clockProvider,
    operationManagerProvider,
    schedulerLookupProvider(),
    ...authProviders(MANAGEMENT_ROUTE_ACCESS, 'management'),
    {
      provide: SchedulerManager,
      inject: [SCHEDULER_STORAGE, SCHEDULER_CACHE, ROOM_STORAGE, OperationManager, MAESTRO_CONFIG],
      useFactory: (storage, cache, rooms, operations: OperationManager, config: MaestroConfig) =>
        new SchedulerManager({ storage, cache, rooms, operations }, { forwarderAddresses: forwarderOptionsOf(config).allowedAddresses }),
    },
    {
      provide: FleetView,
      inject: [SCHEDULER_STORAGE, ROOM_STORAGE, INSTANCE_STORAGE, ROOM_SAMPLES, CLOCK],
      useFactory: (schedulers, rooms, instances, roomSamples, clock) => new FleetView({ schedulers, rooms, instances, roomSamples, clock }),
    },
    {
      provide: AutoscalingInsights,
      inject: [SCHEDULER_STORAGE, AUTOSCALING_DECISIONS],
      useFactory: (schedulers, autoscalingDecisions) => new AutoscalingInsights({ schedulers, autoscalingDecisions }),
    },
    {
      provide: AutoscalingSimulator,
      inject: [SCHEDULER_STORAGE, ROOM_SAMPLES, CLOCK, MAESTRO_CONFIG],
      useFactory: (schedulers, roomSamples, clock, config: MaestroConfig) =>
        new AutoscalingSimulator({ schedulers, roomSamples, clock }, { healthControllerIntervalMs: config.workers.healthControllerIntervalMs }),
    },
  ],
})
export class ManagementApiModule {}
