import {
  InMemoryInstanceStorage,
  InMemoryOperationCancellation,
  InMemoryOperationFlow,
  InMemoryOperationLease,
  InMemoryOperationStorage,
  InMemoryRoomStorage,
  InMemoryRuntime,
  InMemorySchedulerCache,
  InMemorySchedulerLock,
  InMemorySchedulerStorage,
  ManualClock,
  RecordingFleetMetrics,
  RecordingLogger,
} from '@maestro/testing';
import { healthControllerDefinition } from '../operations/maintenance/health-controller/health-controller.definition';
import { storageCleanUpDefinition } from '../operations/maintenance/storage-clean-up/storage-clean-up.definition';
import type { OperationDefinition } from '../operations/operation-definition';
import { OperationRegistry, registerOperation, type RegisteredOperation } from '../operations/operation-registry';
import { OperationManager } from '../services/operation-manager';
import { OperationRunner } from '../services/operation-runner';
import { RoomStatusService } from '../services/room-status.service';
import { SchedulerLookup } from '../services/scheduler-lookup';
import { OperationReconciler } from '../worker/operation-reconciler';
import type { WorkerOptions } from '../worker/worker-options';
import type { WorkerSupervisorPorts } from '../worker/worker-supervisor';

/** An operation whose executor does nothing, for the periodic operations a worker enqueues on its own. */
const idle = <Input>(definition: OperationDefinition<Input>): RegisteredOperation<Input> =>
  registerOperation(definition, { name: definition.name, execute: async () => undefined, rollback: async () => undefined });

/** Worker timings for unit tests: nothing periodic happens unless a test shortens it. */
export const QUIET_WORKER_OPTIONS: WorkerOptions = {
  syncIntervalMs: 3_600_000,
  stopTimeoutMs: 60_000,
  healthControllerIntervalMs: 3_600_000,
  storageCleanupIntervalMs: 3_600_000,
  disruptionIntervalMs: 3_600_000,
  disruptionSafetyPercentage: 0.05,
  metricsIntervalMs: 3_600_000,
};

/**
 * Every port of the worker in memory, with the use cases built on them as the worker builds them:
 * one manual clock drives leases, locks, claims and records. `registered` are the operations
 * that can run (`registerOperation`); health controller and storage clean-up do nothing
 * unless given.
 */
export function inMemoryWorkerPorts(registered: RegisteredOperation<unknown>[] = [], leaseTtlMs = 60_000) {
  const clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
  const schedulers = new InMemorySchedulerStorage(clock);
  const operationStorage = new InMemoryOperationStorage(clock);
  const flow = new InMemoryOperationFlow();
  const lease = new InMemoryOperationLease(clock);
  const cancellation = new InMemoryOperationCancellation();
  const lock = new InMemorySchedulerLock(clock);
  const rooms = new InMemoryRoomStorage();
  const instances = new InMemoryInstanceStorage();
  const runtime = new InMemoryRuntime();
  const metrics = new RecordingFleetMetrics();
  const logger = new RecordingLogger();
  const given = new Set(registered.map((operation) => operation.definition.name));
  const periodic = [idle(healthControllerDefinition), idle(storageCleanUpDefinition)].filter((operation) => !given.has(operation.definition.name));
  const registry = new OperationRegistry([...registered, ...periodic]);
  const operations = new OperationManager({ storage: operationStorage, flow, lease, cancellation, schedulers, clock }, { operationsTtlMs: 60_000 });
  const runner = new OperationRunner({ storage: operationStorage, lease, registry, clock, logger }, { leaseTtlMs });
  const lookup = new SchedulerLookup(new InMemorySchedulerCache(), schedulers, 60_000);
  const statuses = new RoomStatusService({ rooms, instances, schedulers: lookup, clock, logger }, { allocationTtlMs: 300_000 });
  const reconciler = new OperationReconciler(
    { storage: operationStorage, flow, lease, lock, clock, logger },
    { pendingGraceMs: 1_000, leaseGraceMs: Math.max(1_000, leaseTtlMs) },
  );
  const ports: WorkerSupervisorPorts = {
    schedulers,
    cancellation,
    consumer: flow,
    flow,
    lock,
    runner,
    reconciler,
    operations,
    statuses,
    rooms,
    instances,
    runtime,
    metrics,
    logger,
  };
  return { ...ports, clock, operationStorage, flow, lease, cancellation, lock, rooms, instances, runtime, metrics, logger, schedulers, ports };
}
