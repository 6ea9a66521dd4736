import {
  type InstanceWatcher,
  LogField,
  type InstanceStorage,
  type Logger,
  type OperationManager,
  OperationName,
  type OperationRunner,
  PlainDefinition,
  type RoomStatusService,
  type RoomStorage,
  type Runtime,
  type Scheduler,
} from '@maestro/domain';
import type { BullOperationFlow, RedisSchedulerLock } from '@maestro/storage';
import type { MaestroConfig } from '@maestro/config';
import { randomUUID } from 'node:crypto';
import type { FleetMetrics } from '../metrics/fleet-metrics';

export interface SchedulerWorkerDeps {
  flow: BullOperationFlow;
  lock: RedisSchedulerLock;
  runner: OperationRunner;
  operations: OperationManager;
  statuses: RoomStatusService;
  rooms: RoomStorage;
  instances: InstanceStorage;
  metrics: FleetMetrics;
  runtime: Runtime;
  config: MaestroConfig;
  logger: Logger;
}

const LOCK_TTL_MS = 10_000;
/** Share of a periodic task's period that a replica's claim of it lasts. */
const PERIOD_CLAIM_SHARE = 0.8;

/**
 * Everything the worker does for one scheduler: executes its operations one at a time (across
 * every worker process, through the scheduler lock), enqueues health controller and storage
 * clean-up operations, mirrors its pods into instances, and keeps its disruption budget.
 */
export class SchedulerWorker {
  private readonly timers: NodeJS.Timeout[] = [];
  private watcher?: InstanceWatcher;
  private readonly owner = randomUUID();
  private readonly logger: Logger;

  constructor(
    private scheduler: Scheduler,
    private readonly deps: SchedulerWorkerDeps,
  ) {
    this.logger = deps.logger.child({ [LogField.SchedulerName]: scheduler.name });
  }

  async start(): Promise<void> {
    const { config } = this.deps;
    this.deps.flow.consume(this.scheduler.name, (operationId) => this.execute(operationId));
    const healthController = () => this.enqueueOnce(OperationName.HealthController, config.workers.healthControllerIntervalMs);
    this.every(config.workers.healthControllerIntervalMs, healthController);
    // A first health controller at once (Maestro waits a whole interval): a new scheduler gets its rooms
    // right after create_scheduler, and a restarted worker reconciles at once. The period claim keeps it one per period.
    healthController().catch((error: unknown) => this.logger.warn('first health controller not enqueued', { [LogField.Error]: String(error) }));
    this.every(config.workers.storageCleanupIntervalMs, () => this.enqueueOnce(OperationName.StorageCleanUp, config.workers.storageCleanupIntervalMs));
    this.every(config.disruption.intervalSeconds * 1000, () => this.mitigateDisruption());
    this.every(config.reporter.intervalMs, () => this.deps.metrics.report(this.scheduler, this.deps.rooms));
    const listed = new Set<string>();
    this.watcher = await this.deps.runtime
      .watchGameRoomInstances(this.scheduler, async (event) => {
        listed.add(event.instance.id);
        if (event.type === 'deleted') await this.deps.statuses.removeInstance(event.instance);
        else await this.deps.statuses.applyInstance(event.instance).catch((error: unknown) => this.logger.debug('instance not applied', { [LogField.Error]: String(error) }));
      })
      .catch((error: unknown) => {
        this.logger.warn('runtime watcher did not start', { [LogField.Error]: String(error) });
        return undefined;
      });
    if (this.watcher) await this.removeGhosts(listed).catch((error: unknown) => this.logger.warn('ghost clean-up failed', { [LogField.Error]: String(error) }));
  }

  /**
   * Instances whose pod the runtime no longer has (Redis kept them across a cluster restart, e.g.
   * kube-sim) are removed with their rooms; rooms younger than a minute are left alone, as their pod
   * may be in creation right now.
   */
  private async removeGhosts(listed: Set<string>): Promise<void> {
    const youngerThan = Date.now() - 60_000;
    for (const instance of await this.deps.instances.getAllInstances(this.scheduler.name)) {
      if (listed.has(instance.id)) continue;
      const room = await this.deps.rooms.getRoom(this.scheduler.name, instance.id).catch(() => undefined);
      if (room && room.createdAt.getTime() > youngerThan) continue;
      await this.deps.statuses.removeInstance(instance);
      this.logger.info('removed a room whose pod no longer exists', { [LogField.RoomId]: instance.id });
    }
  }

  /** Stops: no new periodic operations, waits for the running operation (the queue closes after it), then the watcher. */
  async stop(): Promise<void> {
    this.timers.forEach(clearInterval);
    await this.deps.flow.release(this.scheduler.name);
    this.deps.metrics.forget(this.scheduler);
    await this.watcher?.stop();
  }

  update(scheduler: Scheduler): void {
    this.scheduler = scheduler;
  }

  /** Runs one delivered operation while holding the scheduler's execution lock. */
  private async execute(operationId: string): Promise<void> {
    const name = this.scheduler.name;
    while (!(await this.deps.lock.tryAcquire(name, this.owner, LOCK_TTL_MS))) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const renew = setInterval(() => void this.deps.lock.renew(name, this.owner, LOCK_TTL_MS), LOCK_TTL_MS / 3);
    try {
      await this.deps.runner.run(name, operationId);
    } catch (error) {
      this.logger.error('operation execution crashed', { [LogField.OperationId]: operationId, [LogField.Error]: String(error) });
    } finally {
      clearInterval(renew);
      await this.deps.lock.release(name, this.owner);
    }
  }

  /**
   * Enqueues a periodic operation once per period across every replica (the replica that claims the
   * period first; the claim lasts 80% of it, room for timer drift), and not while one is waiting.
   */
  private async enqueueOnce(definition: string, periodMs: number): Promise<void> {
    if (!(await this.deps.lock.claimPeriod(this.scheduler.name, definition, this.owner, Math.floor(periodMs * PERIOD_CLAIM_SHARE)))) return;
    const pendingIds = await this.deps.flow.listPendingOperationIds(this.scheduler.name);
    const pending = await Promise.all(pendingIds.map((id) => this.deps.operations.getOperation(this.scheduler.name, id).catch(() => undefined)));
    if (pending.some((op) => op?.definitionName === definition && op.status === 'pending')) return;
    await this.deps.operations.createOperation(this.scheduler.name, new PlainDefinition(definition, {}));
  }

  private async mitigateDisruption(): Promise<void> {
    const rooms = await this.deps.rooms.getRoomCount(this.scheduler.name);
    await this.deps.runtime.mitigateDisruption(this.scheduler, rooms, this.deps.config.disruption.safetyPercentage);
  }

  private every(ms: number, task: () => Promise<void>): void {
    const timer = setInterval(() => void task().catch((error: unknown) => this.logger.warn('periodic task failed', { [LogField.Error]: String(error) })), ms);
    timer.unref();
    this.timers.push(timer);
  }
}
