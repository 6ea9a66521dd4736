import type { Provider } from '@nestjs/common';
import { forwarderOptionsOf, MAESTRO_CONFIG, type MaestroConfig } from '@maestro/config';
import {
  buildOperationRegistry,
  CLOCK,
  INSTANCE_STORAGE,
  LOGGER,
  OPERATION_CANCELLATION,
  OPERATION_CONSUMER,
  OPERATION_FLOW,
  OPERATION_LEASE,
  OPERATION_STORAGE,
  type OperationStorage,
  OperationManager,
  OperationReconciler,
  OperationRunner,
  QueuedRoomEvents,
  PORT_ALLOCATOR,
  ALLOCATION_COUNTER,
  AUTOSCALING_DECISIONS,
  ROOM_SAMPLES,
  SCALING_WEBHOOK,
  ROOM_STORAGE,
  RoomManager,
  RoomStatusService,
  RUNTIME,
  SCHEDULER_LOCK,
  SCHEDULER_STORAGE,
  SchedulerLookup,
  WorkerSupervisor,
} from '@maestro/domain';
import { AddressAdmission } from '@maestro/events-forwarder';
import { METRICS_REGISTRY } from '@maestro/platform';
import { HttpScalingWebhook } from '@maestro/scaling-webhook';
import { MeasuredOperationRunner } from './metrics/measured-operation-runner';
import { PrometheusFleetMetrics } from './metrics/prometheus-fleet-metrics';
import { PrometheusOperationMetrics } from './metrics/prometheus-operation-metrics';

// The worker's own use cases as Nest providers (those shared with the APIs are in @maestro/platform).

/** RoomManager: creates and deletes rooms; a deleted room's "terminated" event is queued for forwarding. */
export const roomManagerProvider: Provider = {
  provide: RoomManager,
  inject: [ROOM_STORAGE, INSTANCE_STORAGE, RUNTIME, PORT_ALLOCATOR, CLOCK, LOGGER, QueuedRoomEvents],
  useFactory: (rooms, instances, runtime, portAllocator, clock, logger, forwarding: QueuedRoomEvents) =>
    new RoomManager({ rooms, instances, runtime, portAllocator, clock, logger }, (scheduler, roomId, _instance, storedMetadata) =>
      forwarding.forwardStatusTerminated(scheduler, roomId, storedMetadata),
    ),
};

/**
 * The webhook autoscaling policy's HTTP client: it calls only the addresses forwarders may reach
 * (`adapters.grpc.allowedAddresses`, host names resolved into the allowed networks, verdicts kept a minute).
 */
export const scalingWebhookProvider: Provider = {
  provide: SCALING_WEBHOOK,
  inject: [MAESTRO_CONFIG],
  useFactory: (config: MaestroConfig) => {
    const admission = new AddressAdmission(forwarderOptionsOf(config).allowedAddresses, 60_000, () => Date.now());
    return new HttpScalingWebhook({ admits: (address) => admission.admits(address) });
  },
};

/** The operation metrics of this worker: executions, queues, health controller lag. */
export const operationMetricsProvider: Provider = {
  provide: PrometheusOperationMetrics,
  inject: [METRICS_REGISTRY, OPERATION_STORAGE],
  useFactory: (registry, storage: OperationStorage) => new PrometheusOperationMetrics(registry, (name) => storage.listPendingOperations(name)),
};

/** OperationRunner with every executor, configured from `operations.*` and `services.roomManager.*`, measured. */
export const operationRunnerProvider: Provider = {
  provide: OperationRunner,
  inject: [
    PrometheusOperationMetrics,
    OPERATION_STORAGE,
    OPERATION_LEASE,
    CLOCK,
    LOGGER,
    SCHEDULER_STORAGE,
    SchedulerLookup,
    ROOM_STORAGE,
    ROOM_SAMPLES,
    AUTOSCALING_DECISIONS,
    INSTANCE_STORAGE,
    OperationManager,
    RoomManager,
    RUNTIME,
    MAESTRO_CONFIG,
    ALLOCATION_COUNTER,
    SCALING_WEBHOOK,
  ],
  useFactory: (
    metrics,
    storage,
    lease,
    clock,
    logger,
    schedulers,
    lookup,
    rooms,
    roomSamples,
    autoscalingDecisions,
    instances,
    operations,
    roomManager,
    runtime,
    config: MaestroConfig,
    allocations,
    scalingWebhook,
  ) => {
    const registry = buildOperationRegistry(
      {
        schedulers,
        lookup,
        rooms,
        roomSamples,
        autoscalingDecisions,
        instances,
        operationStorage: storage,
        operations,
        roomManager,
        runtime,
        clock,
        logger,
        allocations,
        scalingWebhook,
      },
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
    return new MeasuredOperationRunner({ storage, lease, registry, clock, logger }, { leaseTtlMs: config.operationLeaseTtlMs }, metrics);
  },
};

/**
 * OperationReconciler: every `workers.syncInterval`, per scheduler and one replica per period;
 * pending operations younger than a period are left to their enqueue, and a lease counts as expired
 * once it is a TTL (at least a second) past its expiry.
 */
export const operationReconcilerProvider: Provider = {
  provide: OperationReconciler,
  inject: [OPERATION_STORAGE, OPERATION_FLOW, OPERATION_LEASE, SCHEDULER_LOCK, CLOCK, LOGGER, OperationRunner, MAESTRO_CONFIG],
  useFactory: (storage, flow, lease, lock, clock, logger, runner: OperationRunner, config: MaestroConfig) =>
    new OperationReconciler(
      { storage, flow, lease, lock, clock, logger, runner },
      { pendingGraceMs: Math.max(1_000, config.workers.syncIntervalMs), leaseGraceMs: Math.max(1_000, config.operationLeaseTtlMs) },
    ),
};

/** WorkerSupervisor: one scheduler worker per scheduler, with the worker timings of the configuration. */
export const workerSupervisorProvider: Provider = {
  provide: WorkerSupervisor,
  inject: [
    SCHEDULER_STORAGE,
    OPERATION_CANCELLATION,
    OPERATION_CONSUMER,
    OPERATION_FLOW,
    SCHEDULER_LOCK,
    OperationRunner,
    OperationReconciler,
    OperationManager,
    RoomStatusService,
    ROOM_STORAGE,
    INSTANCE_STORAGE,
    RUNTIME,
    LOGGER,
    METRICS_REGISTRY,
    PrometheusOperationMetrics,
    MAESTRO_CONFIG,
  ],
  useFactory: (
    schedulers,
    cancellation,
    consumer,
    flow,
    lock,
    runner,
    reconciler,
    operations,
    statuses,
    rooms,
    instances,
    runtime,
    logger,
    registry,
    operationMetrics,
    config: MaestroConfig,
  ) =>
    new WorkerSupervisor(
      {
        schedulers,
        cancellation,
        consumer,
        flow,
        lock,
        runner,
        reconciler,
        operations,
        statuses,
        rooms,
        instances,
        runtime,
        logger,
        metrics: new PrometheusFleetMetrics(registry, operationMetrics),
      },
      {
        syncIntervalMs: config.workers.syncIntervalMs,
        reconcileIntervalMs: config.workers.syncIntervalMs,
        stopTimeoutMs: config.workers.stopTimeoutMs,
        healthControllerIntervalMs: config.workers.healthControllerIntervalMs,
        storageCleanupIntervalMs: config.workers.storageCleanupIntervalMs,
        disruptionIntervalMs: config.disruption.intervalSeconds * 1000,
        disruptionSafetyPercentage: config.disruption.safetyPercentage,
        metricsIntervalMs: config.reporter.intervalMs,
      },
    ),
};
