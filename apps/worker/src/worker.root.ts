import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, MAESTRO_CONFIG, type MaestroConfig, storageOptionsOf } from '@maestro/config';
import {
  CLOCK,
  EVENTS_FORWARDER,
  EventsForwarderService,
  INSTANCE_STORAGE,
  LOGGER,
  OPERATION_CANCELLATION,
  OPERATION_CONSUMER,
  OPERATION_FLOW,
  OPERATION_LEASE,
  OPERATION_STORAGE,
  OperationManager,
  OperationRunner,
  PORT_ALLOCATOR,
  ROOM_STORAGE,
  RUNTIME,
  RoomManager,
  RoomStatusService,
  SCHEDULER_CACHE,
  SCHEDULER_LOCK,
  SCHEDULER_STORAGE,
  SchedulerLookup,
  WorkerSupervisor,
  buildExecutorRegistry,
  systemClock,
} from '@maestro/domain';
import { EventsForwarderModule } from '@maestro/events-forwarder';
import { METRICS_REGISTRY, PlatformModule, createPinoLogger } from '@maestro/platform';
import { RuntimeK8sModule } from '@maestro/runtime-k8s';
import { StorageModule } from '@maestro/storage';
import { PrometheusFleetMetrics } from './metrics/prometheus-fleet-metrics';
import { WorkerLifecycle } from './worker-lifecycle';

const provide = <T>(token: unknown, inject: unknown[], useFactory: (...args: any[]) => T) => ({ provide: token as symbol, inject: inject as symbol[], useFactory }); // eslint-disable-line @typescript-eslint/no-explicit-any

/** Composition root of the worker for one configuration (used by main.ts and the tests). */
@Module({})
export class WorkerRoot {
  static forConfig(env: Record<string, string | undefined>, config: MaestroConfig): DynamicModule {
    const pino = createPinoLogger({ service: 'worker', level: config.log.level, format: config.log.format });
    const k8s = config.kubernetes;
    return {
      module: WorkerRoot,
      imports: [
        AppConfigModule.forComponent('worker', env),
        PlatformModule.forApp(pino),
        StorageModule.forRootAsync({ inject: [MAESTRO_CONFIG], useFactory: storageOptionsOf }),
        EventsForwarderModule.forRootAsync({
          inject: [METRICS_REGISTRY],
          useFactory: (registry) => ({ keepAliveTimeMs: config.grpc.keepAliveTimeMs, keepAliveTimeoutMs: config.grpc.keepAliveTimeoutMs, registry }),
        }),
        RuntimeK8sModule.forRootAsync({
          useFactory: () => ({
            kubeconfigPath: k8s.inCluster ? undefined : k8s.kubeconfig || undefined,
            inCluster: k8s.inCluster,
            masterUrl: k8s.masterUrl || undefined,
            qps: k8s.qps,
            burst: k8s.burst,
            topologySpreadConstraint: k8s.topologySpread,
            fallbackPortRange: config.portAllocator.range,
          }),
        }),
      ],
      providers: [
        { provide: CLOCK, useValue: systemClock },
        provide(SchedulerLookup, [SCHEDULER_CACHE, SCHEDULER_STORAGE], (cache, storage) => new SchedulerLookup(cache, storage, config.schedulerCacheTtlMs)),
        provide(OperationManager, [OPERATION_STORAGE, OPERATION_FLOW, OPERATION_LEASE, OPERATION_CANCELLATION, SCHEDULER_STORAGE, CLOCK], (storage, flow, lease, cancellation, schedulers, clock) =>
          new OperationManager({ storage, flow, lease, cancellation, schedulers, clock }, { operationsTtlMs: config.workers.operationsTtlMs }),
        ),
        provide(EventsForwarderService, [EVENTS_FORWARDER, SchedulerLookup, ROOM_STORAGE, INSTANCE_STORAGE, LOGGER, CLOCK], (forwarder, schedulers, rooms, instances, logger, clock) =>
          new EventsForwarderService({ forwarder, schedulers, rooms, instances, logger, clock }),
        ),
        provide(RoomManager, [ROOM_STORAGE, INSTANCE_STORAGE, RUNTIME, PORT_ALLOCATOR, CLOCK, LOGGER, EventsForwarderService], (rooms, instances, runtime, portAllocator, clock, logger, forwarding: EventsForwarderService) =>
          new RoomManager({ rooms, instances, runtime, portAllocator, clock, logger }, (scheduler, roomId, _instance, storedMetadata) =>
            forwarding.forwardStatusTerminated(scheduler, roomId, storedMetadata),
          ),
        ),
        provide(RoomStatusService, [ROOM_STORAGE, INSTANCE_STORAGE, SchedulerLookup, CLOCK, LOGGER, EventsForwarderService], (rooms, instances, schedulers, clock, logger, forwarding) =>
          new RoomStatusService({ rooms, instances, schedulers, clock, logger }, { allocationTtlMs: config.roomManager.allocationTtlMs }, forwarding),
        ),
        provide(
          OperationRunner,
          [OPERATION_STORAGE, OPERATION_LEASE, CLOCK, LOGGER, SCHEDULER_STORAGE, SchedulerLookup, ROOM_STORAGE, INSTANCE_STORAGE, OperationManager, RoomManager, RUNTIME],
          (storage, lease, clock, logger, schedulers, lookup, rooms, instances, operations, roomManager, runtime) => {
            const executors = buildExecutorRegistry(
              { schedulers, lookup, rooms, instances, operationStorage: storage, operations, roomManager, runtime, clock, logger },
              {
                addRoomsLimit: config.operations.addRoomsLimit,
                addRoomsBatchSize: config.operations.addRoomsBatchSize,
                addRoomTimeoutMs: config.operations.addRoomTimeoutMs,
                removeRoomsLimit: config.operations.removeRoomsLimit,
                roomInitializationTimeoutMs: config.roomManager.initializationTimeoutMs,
                roomPingTimeoutMs: config.roomManager.pingTimeoutMs,
                roomDeletionTimeoutMs: config.roomManager.deletionTimeoutMs,
                validationTimeoutMs: config.roomManager.validationTimeoutMs,
                validationAttempts: config.roomManager.validationAttempts,
                validationAcceptOccupied: config.roomManager.validationAcceptOccupied,
              },
            );
            return new OperationRunner({ storage, lease, executors, clock, logger }, { leaseTtlMs: config.operationLeaseTtlMs });
          },
        ),
        provide(
          WorkerSupervisor,
          [SCHEDULER_STORAGE, OPERATION_CANCELLATION, OPERATION_CONSUMER, OPERATION_FLOW, SCHEDULER_LOCK, OperationRunner, OperationManager, RoomStatusService, ROOM_STORAGE, INSTANCE_STORAGE, RUNTIME, LOGGER, METRICS_REGISTRY],
          (schedulers, cancellation, consumer, flow, lock, runner, operations, statuses, rooms, instances, runtime, logger, registry) =>
            new WorkerSupervisor(
              { schedulers, cancellation, consumer, flow, lock, runner, operations, statuses, rooms, instances, runtime, logger, metrics: new PrometheusFleetMetrics(registry) },
              {
                syncIntervalMs: config.workers.syncIntervalMs,
                stopTimeoutMs: config.workers.stopTimeoutMs,
                healthControllerIntervalMs: config.workers.healthControllerIntervalMs,
                storageCleanupIntervalMs: config.workers.storageCleanupIntervalMs,
                disruptionIntervalMs: config.disruption.intervalSeconds * 1000,
                disruptionSafetyPercentage: config.disruption.safetyPercentage,
                metricsIntervalMs: config.reporter.intervalMs,
              },
            ),
        ),
        WorkerLifecycle,
      ],
    };
  }
}
