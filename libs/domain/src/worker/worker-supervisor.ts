import { LogField } from '../logging/log-fields';
import type { StopWatching } from '../ports/operation-consumer.port';
import type { OperationCancellation } from '../ports/operation-flow.port';
import type { SchedulerStorage } from '../ports/scheduler-storage.port';
import { SchedulerWorker, type SchedulerWorkerPorts } from './scheduler-worker';
import type { WorkerOptions } from './worker-options';

export interface WorkerSupervisorPorts extends SchedulerWorkerPorts {
  schedulers: SchedulerStorage;
  cancellation: OperationCancellation;
}

/**
 * The worker process: one SchedulerWorker per scheduler found in Postgres (synced every
 * `syncIntervalMs`, and at once when an operation is enqueued for a scheduler it does not know yet,
 * such as a new scheduler's create_scheduler), and cancel requests routed to the operations this
 * process runs.
 */
export class WorkerSupervisor {
  private readonly workers = new Map<string, SchedulerWorker>();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => Promise<void>;
  private unwatch?: StopWatching;
  private syncing?: Promise<void>;
  private syncAgain = false;

  constructor(
    private readonly ports: WorkerSupervisorPorts,
    private readonly options: WorkerOptions,
  ) {}

  /** Starts serving: cancel requests, enqueue notices, a first sync, then the periodic sync. */
  async start(): Promise<void> {
    const { cancellation, consumer, runner } = this.ports;
    this.unsubscribe = await cancellation.subscribe(({ operationId }) => runner.abort(operationId, 'canceled'));
    this.unwatch = await consumer.watchInsertions((name) => {
      if (!this.workers.has(name)) void this.sync();
    });
    await this.sync();
    this.timer = setInterval(() => void this.sync(), this.options.syncIntervalMs);
  }

  /**
   * Drains: no new operation starts, running ones get `stopTimeoutMs` to finish, then those left are
   * aborted (they end `canceled`, rolled back). Cancel requests are served until the end.
   */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.unwatch?.();
    await this.syncing;
    const deadline = setTimeout(() => {
      this.ports.logger.warn('operations still running at the stop timeout are aborted');
      this.ports.runner.abortAll();
    }, this.options.stopTimeoutMs);
    try {
      await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    } finally {
      clearTimeout(deadline);
    }
    await this.unsubscribe?.();
    this.workers.clear();
  }

  /** Number of schedulers this process works for. */
  get size(): number {
    return this.workers.size;
  }

  /** Starts workers of new schedulers and stops those of deleted ones; a call during a sync runs another after it. */
  sync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      do {
        this.syncAgain = false;
        await this.syncOnce();
      } while (this.syncAgain);
    })().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const { logger } = this.ports;
    try {
      const schedulers = await this.ports.schedulers.listSchedulers();
      const names = new Set(schedulers.map((s) => s.name));
      const added = schedulers.filter((scheduler) => !this.workers.has(scheduler.name));
      for (const scheduler of schedulers) this.workers.get(scheduler.name)?.update(scheduler);
      // Schedulers found together (a process starting with 1,000 of them) spread their periodic work
      // over the period; the first, or a lone new scheduler, has its health controller at once.
      added.forEach((scheduler, i) => {
        const worker = new SchedulerWorker(scheduler, this.ports, this.options);
        this.workers.set(scheduler.name, worker);
        worker.start(i / added.length);
        logger.info('scheduler worker started', { [LogField.SchedulerName]: scheduler.name });
      });
      for (const [name, worker] of this.workers) {
        if (names.has(name)) continue;
        this.workers.delete(name);
        await worker.stop();
        logger.info('scheduler worker stopped', { [LogField.SchedulerName]: name });
      }
    } catch (error) {
      logger.warn('scheduler sync failed', { [LogField.Error]: String(error) });
    }
  }
}
