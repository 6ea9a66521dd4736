import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, LogField, type Logger, OPERATION_CANCELLATION, type OperationCancellation, OperationRunner, SCHEDULER_STORAGE, type SchedulerStorage } from '@maestro/domain';
import { SchedulerWorker, type SchedulerWorkerDeps } from './scheduler-worker';

export const WORKER_DEPS = Symbol('SchedulerWorkerDeps');

/**
 * Keeps one SchedulerWorker per scheduler found in Postgres (synced every `workers.syncInterval`,
 * and at once when an operation is enqueued for a scheduler it does not know yet, such as a new
 * scheduler's create_scheduler), and routes cancel requests to the operations this process runs.
 */
@Injectable()
export class SchedulerWorkersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers = new Map<string, SchedulerWorker>();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => Promise<void>;
  private unwatch?: () => Promise<void>;
  private syncing?: Promise<void>;
  private syncAgain = false;

  constructor(
    @Inject(SCHEDULER_STORAGE) private readonly schedulers: SchedulerStorage,
    @Inject(OPERATION_CANCELLATION) private readonly cancellation: OperationCancellation,
    @Inject(OperationRunner) private readonly runner: OperationRunner,
    @Inject(WORKER_DEPS) private readonly deps: SchedulerWorkerDeps,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = await this.cancellation.subscribe(({ operationId }) => this.runner.abort(operationId, 'canceled'));
    this.unwatch = await this.deps.flow.watchInsertions((name) => {
      if (!this.workers.has(name)) void this.sync();
    });
    await this.sync();
    this.timer = setInterval(() => void this.sync(), this.deps.config.workers.syncIntervalMs);
  }

  /**
   * Drains: no new operation starts, running ones get `workers.stopTimeout` to finish, then those
   * left are aborted (they end `canceled`, rolled back). Cancel requests are served until the end.
   */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.unwatch?.();
    await this.syncing;
    const deadline = setTimeout(() => {
      this.logger.warn('operations still running at the stop timeout are aborted');
      this.runner.abortAll();
    }, this.deps.config.workers.stopTimeoutMs);
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
        await this.doSync();
      } while (this.syncAgain);
    })().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async doSync(): Promise<void> {
    try {
      const schedulers = await this.schedulers.listSchedulers();
      const names = new Set(schedulers.map((s) => s.name));
      for (const scheduler of schedulers) {
        const existing = this.workers.get(scheduler.name);
        if (existing) {
          existing.update(scheduler);
          continue;
        }
        const worker = new SchedulerWorker(scheduler, this.deps);
        this.workers.set(scheduler.name, worker);
        await worker.start();
        this.logger.info('scheduler worker started', { [LogField.SchedulerName]: scheduler.name });
      }
      for (const [name, worker] of this.workers) {
        if (names.has(name)) continue;
        this.workers.delete(name);
        await worker.stop();
        this.logger.info('scheduler worker stopped', { [LogField.SchedulerName]: name });
      }
    } catch (error) {
      this.logger.warn('scheduler sync failed', { [LogField.Error]: String(error) });
    }
  }
}
