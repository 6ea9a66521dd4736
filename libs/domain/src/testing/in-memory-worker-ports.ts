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
import { type OperationExecutor, OperationExecutorRegistry } from '../operations/operation-executor';
import { OperationManager } from '../services/operation-manager';
import { OperationRunner } from '../services/operation-runner';
import { RoomStatusService } from '../services/room-status.service';
import { SchedulerLookup } from '../services/scheduler-lookup';
import type { WorkerOptions } from '../worker/worker-options';
import type { WorkerSupervisorPorts } from '../worker/worker-supervisor';

/** An executor that does nothing, for the periodic operations a worker enqueues on its own. */
const idle = (name: string): OperationExecutor => ({ name, execute: async () => undefined, rollback: async () => undefined });

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
 * one manual clock drives leases, locks, claims and records. `executors` run the operations (health
 * controller and storage clean-up do nothing unless given).
 */
export function inMemoryWorkerPorts(executors: OperationExecutor[] = [], leaseTtlMs = 60_000) {
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
  const given = new Set(executors.map((executor) => executor.name));
  const periodic = ['health_controller', 'storage_clean_up'].filter((name) => !given.has(name)).map(idle);
  const registry = new OperationExecutorRegistry([...executors, ...periodic]);
  const operations = new OperationManager({ storage: operationStorage, flow, lease, cancellation, schedulers, clock }, { operationsTtlMs: 60_000 });
  const runner = new OperationRunner({ storage: operationStorage, lease, executors: registry, clock, logger }, { leaseTtlMs });
  const lookup = new SchedulerLookup(new InMemorySchedulerCache(), schedulers, 60_000);
  const statuses = new RoomStatusService({ rooms, instances, schedulers: lookup, clock, logger }, { allocationTtlMs: 300_000 });
  const ports: WorkerSupervisorPorts = { schedulers, cancellation, consumer: flow, flow, lock, runner, operations, statuses, rooms, instances, runtime, metrics, logger };
  return { ...ports, clock, operationStorage, flow, lease, cancellation, lock, rooms, instances, runtime, metrics, logger, schedulers, ports };
}
