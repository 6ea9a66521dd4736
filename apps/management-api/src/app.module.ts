import { Module } from '@nestjs/common';
import { MAESTRO_CONFIG, type MaestroConfig, storageOptionsOf } from '@maestro/config';
import {
  CLOCK,
  OPERATION_CANCELLATION,
  OPERATION_FLOW,
  OPERATION_LEASE,
  OPERATION_STORAGE,
  OperationManager,
  ROOM_STORAGE,
  SCHEDULER_CACHE,
  SCHEDULER_STORAGE,
  SchedulerManager,
  systemClock,
} from '@maestro/domain';
import { StorageModule } from '@maestro/storage';
import { OperationsController } from './operations/operations.controller';
import { SchedulersController } from './schedulers/schedulers.controller';

/** Composition root of the management API: storage adapters, use cases, controllers. */
@Module({
  imports: [StorageModule.forRootAsync({ inject: [MAESTRO_CONFIG], useFactory: storageOptionsOf })],
  controllers: [SchedulersController, OperationsController],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    {
      provide: OperationManager,
      inject: [OPERATION_STORAGE, OPERATION_FLOW, OPERATION_LEASE, OPERATION_CANCELLATION, SCHEDULER_STORAGE, CLOCK, MAESTRO_CONFIG],
      useFactory: (storage, flow, lease, cancellation, schedulers, clock, config: MaestroConfig) =>
        new OperationManager({ storage, flow, lease, cancellation, schedulers, clock }, { operationsTtlMs: config.workers.operationsTtlMs }),
    },
    {
      provide: SchedulerManager,
      inject: [SCHEDULER_STORAGE, SCHEDULER_CACHE, ROOM_STORAGE, OperationManager],
      useFactory: (storage, cache, rooms, operations: OperationManager) => new SchedulerManager({ storage, cache, rooms, operations }),
    },
  ],
})
export class ManagementApiModule {}

