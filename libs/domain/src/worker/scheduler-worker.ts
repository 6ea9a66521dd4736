import { randomUUID } from 'node:crypto';
import { ROOM_STATUSES, type RoomStatus } from '../entities/game-room';
import type { Scheduler } from '../entities/scheduler';
import { LogField } from '../logging/log-fields';
import { healthControllerDefinition } from '../operations/maintenance/health-controller/health-controller.definition';
import { storageCleanUpDefinition } from '../operations/maintenance/storage-clean-up/storage-clean-up.definition';
import type { FleetMetrics } from '../ports/fleet-metrics.port';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { Logger } from '../ports/logger.port';
import type { OperationConsumer } from '../ports/operation-consumer.port';
import type { OperationFlow } from '../ports/operation-flow.port';
import type { RoomStorage } from '../ports/room-storage.port';
import type { Runtime } from '../ports/runtime.port';
import type { SchedulerLock } from '../ports/scheduler-lock.port';
import type { OperationManager } from '../services/operation-manager';
import type { OperationRunner } from '../services/operation-runner';
import type { RoomStatusService } from '../services/room-status.service';
import { InstanceMirror } from './instance-mirror';
import { LockedExecution } from './locked-execution';
import type { OperationReconciler } from './operation-reconciler';
import { PeriodicOperations } from './periodic-operations';
import { every, type StopRecurring } from './recurring-task';
import { DEFAULT_RECONCILE_INTERVAL_MS, type WorkerOptions } from './worker-options';

/** What a scheduler worker needs; one set shared by every scheduler of the process. */
export interface SchedulerWorkerPorts {
  consumer: OperationConsumer;
  flow: OperationFlow;
  lock: SchedulerLock;
  runner: OperationRunner;
  /** Re-queues lost pending operations and ends abandoned ones, once per period across replicas. */
  reconciler: OperationReconciler;
  operations: OperationManager;
  statuses: RoomStatusService;
  rooms: RoomStorage;
  instances: InstanceStorage;
  runtime: Runtime;
  metrics: FleetMetrics;
  logger: Logger;
}

/**
 * Everything the worker does for one scheduler: executes its operations one at a time under the
 * scheduler lock, enqueues its health controller and storage clean-up once per period, mirrors its
 * pods into instances (rebuilding the records of pods Redis lost before each health controller), keeps its disruption budget, publishes its fleet metrics, and reconciles its
 * operations records with the queue and the leases (OperationReconciler).
 */
export class SchedulerWorker {
  private readonly owner = randomUUID();
  private readonly logger: Logger;
  private readonly mirror: InstanceMirror;
  private readonly periodic: PeriodicOperations;
  private readonly execution: LockedExecution;
  private stops: StopRecurring[] = [];

  constructor(
    private scheduler: Scheduler,
    private readonly ports: SchedulerWorkerPorts,
    private readonly options: WorkerOptions,
  ) {
    this.logger = ports.logger.child({ [LogField.SchedulerName]: scheduler.name });
    this.mirror = new InstanceMirror({ ...ports, logger: this.logger });
    this.periodic = new PeriodicOperations(scheduler.name, this.owner, ports);
    this.execution = new LockedExecution(scheduler.name, this.owner, { ...ports, logger: this.logger });
  }

  /**
   * Starts every concern; the runtime watcher starts in the background (see InstanceMirror).
   * `phase` (0 to 1) places the periodic tasks in their period: 0 runs the first health controller
   * at once, a phase of p runs each task first after p of its period (schedulers started together
   * spread their work over the period instead of all firing at the same instant).
   */
  start(phase = 0): void {
    const { options } = this;
    const at = (periodMs: number) => Math.floor(phase * periodMs);
    this.ports.consumer.consume(this.scheduler.name, (operationId) => this.execution.execute(operationId));
    // Records Redis lost are rebuilt from the pods first, so that the health controller counts them.
    const healthController = async () => {
      await this.mirror
        .repair(this.scheduler.name)
        .catch((error: unknown) => this.logger.warn('room records not repaired', { [LogField.Error]: String(error) }));
      await this.periodic.enqueueOnce(healthControllerDefinition, {}, options.healthControllerIntervalMs);
    };
    const reconcileMs = options.reconcileIntervalMs ?? DEFAULT_RECONCILE_INTERVAL_MS;
    const reconcile = async () => void (await this.ports.reconciler.reconcileOnce(this.scheduler.name, this.owner, reconcileMs));
    this.stops = [
      every(reconcileMs, 'operation reconciliation', reconcile, this.logger, at(reconcileMs)),
      every(options.healthControllerIntervalMs, 'health controller enqueue', healthController, this.logger, at(options.healthControllerIntervalMs)),
      every(
        options.storageCleanupIntervalMs,
        'storage clean-up enqueue',
        () => this.periodic.enqueueOnce(storageCleanUpDefinition, {}, options.storageCleanupIntervalMs),
        this.logger,
        at(options.storageCleanupIntervalMs),
      ),
      every(options.disruptionIntervalMs, 'disruption budget update', () => this.mitigateDisruption(), this.logger, at(options.disruptionIntervalMs)),
      every(options.metricsIntervalMs, 'fleet metrics report', () => this.reportMetrics(), this.logger, at(options.metricsIntervalMs)),
    ];
    // A first health controller at once (Maestro waits a whole interval): a new scheduler gets its rooms
    // right after create_scheduler, and a restarted worker reconciles at once. The period claim keeps it one per period.
    // A later phase has its first run from the periodic task above.
    if (at(options.healthControllerIntervalMs) === 0) {
      healthController().catch((error: unknown) => this.logger.warn('first health controller not enqueued', { [LogField.Error]: String(error) }));
    }
    this.mirror.start(this.scheduler);
  }

  /** Resolves once the runtime watcher has started (or failed to) and ghost rooms were removed. */
  whenWatching(): Promise<void> {
    return this.mirror.whenStarted();
  }

  /** Stops: no new periodic operations, waits for the running operation (the queue closes after it), then the watcher. */
  async stop(): Promise<void> {
    this.stops.forEach((stop) => stop());
    await this.ports.consumer.release(this.scheduler.name);
    this.ports.metrics.forget(this.scheduler);
    await this.mirror.stop();
  }

  /** The scheduler's current configuration (read by the periodic tasks). */
  update(scheduler: Scheduler): void {
    this.scheduler = scheduler;
  }

  private async mitigateDisruption(): Promise<void> {
    const rooms = await this.ports.rooms.getRoomCount(this.scheduler.name);
    await this.ports.runtime.mitigateDisruption(this.scheduler, rooms, this.options.disruptionSafetyPercentage);
  }

  private async reportMetrics(): Promise<void> {
    const scheduler = this.scheduler;
    const counts = await Promise.all(ROOM_STATUSES.map((status) => this.ports.rooms.getRoomCountByStatus(scheduler.name, status)));
    this.ports.metrics.report(scheduler, new Map<RoomStatus, number>(ROOM_STATUSES.map((status, i) => [status, counts[i]])));
  }
}
