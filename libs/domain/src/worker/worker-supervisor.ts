import type { Scheduler } from '../entities/scheduler';
import { isNotFound } from '../errors/domain-error';
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

/** Schedulers a sync starts before it lets the process serve other work (health checks, events). */
export const SYNC_START_SLICE = 50;

/**
 * The worker process: one SchedulerWorker per scheduler found in Postgres (synced every
 * `syncIntervalMs`, and at once when an operation is enqueued for a scheduler it does not know yet,
 * such as a new scheduler's create_scheduler: that one is read alone, not the whole list), and
 * cancel requests routed to the operations this process runs.
 */
export class WorkerSupervisor {
  private readonly workers = new Map<string, SchedulerWorker>();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => Promise<void>;
  private unwatch?: StopWatching;
  private syncing?: Promise<void>;
  /** A full sync (the whole scheduler list) is due after the one running. */
  private fullSyncDue = false;
  /** Schedulers named by insertion notices, not known yet: read one by one by the next sync. */
  private readonly noticed = new Set<string>();
  /** Workers of deleted schedulers still stopping (their running operation may take a while), by name. */
  private readonly retiring = new Map<string, Promise<void>>();

  constructor(
    private readonly ports: WorkerSupervisorPorts,
    private readonly options: WorkerOptions,
  ) {}

  /** Starts serving: cancel requests, enqueue notices, a first sync, then the periodic sync; resolves once the first sync is done. */
  async start(): Promise<void> {
    const { synced } = await this.startServing();
    await synced;
  }

  /**
   * Starts serving as `start`, but resolves once subscribed, with the first sync under way: a process
   * starting with thousands of schedulers answers its health checks meanwhile. `synced` resolves
   * once the first sync is done.
   */
  async startServing(): Promise<{ synced: Promise<void> }> {
    const { cancellation, consumer, runner } = this.ports;
    this.unsubscribe = await cancellation.subscribe(({ operationId }) => runner.abort(operationId, 'canceled'));
    this.unwatch = await consumer.watchInsertions((name) => {
      if (this.workers.has(name)) return;
      this.noticed.add(name);
      void this.run();
    });
    const synced = this.sync();
    this.timer = setInterval(() => void this.sync(), this.options.syncIntervalMs);
    return { synced };
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
      await Promise.all([...this.retiring.values()]);
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
    this.fullSyncDue = true;
    return this.run();
  }

  /** Runs the syncs due (full, or of the noticed schedulers) one after the other until none is. */
  private run(): Promise<void> {
    if (this.syncing) return this.syncing;
    this.syncing = (async () => {
      while (this.fullSyncDue || this.noticed.size > 0) {
        if (this.fullSyncDue) {
          this.fullSyncDue = false;
          this.noticed.clear();
          await this.syncOnce();
        } else await this.adoptNoticed();
      }
    })().finally(() => {
      this.syncing = undefined;
      // Work that came between the loop's last check and here.
      if (this.fullSyncDue || this.noticed.size > 0) void this.run();
    });
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const { logger } = this.ports;
    try {
      const schedulers = await this.ports.schedulers.listSchedulers();
      const names = new Set(schedulers.map((s) => s.name));
      const added = schedulers.filter((scheduler) => !this.workers.has(scheduler.name));
      for (const scheduler of schedulers) this.workers.get(scheduler.name)?.update(scheduler);
      for (const [name, worker] of this.workers) if (!names.has(name)) this.retire(name, worker);
      // Schedulers found together (a process starting with 1,000 of them) spread their periodic work
      // over the period; the first, or a lone new scheduler, has its health controller at once.
      await this.startAll(added, (i) => i / added.length);
    } catch (error) {
      logger.warn('scheduler sync failed', { [LogField.Error]: String(error) });
    }
  }

  /** Starts the workers of the schedulers named by insertion notices, each read on its own. */
  private async adoptNoticed(): Promise<void> {
    const names = [...this.noticed].filter((name) => !this.workers.has(name));
    this.noticed.clear();
    const found = await Promise.all(
      names.map((name) =>
        this.ports.schedulers.getScheduler(name).catch((error: unknown) => {
          // Deleted meanwhile, or the storage failed: the periodic full sync settles it.
          if (!isNotFound(error)) this.ports.logger.warn('scheduler sync failed', { [LogField.Error]: String(error) });
          return undefined;
        }),
      ),
    );
    await this.startAll(
      found.filter((scheduler): scheduler is Scheduler => scheduler !== undefined && !this.workers.has(scheduler.name)),
      () => 0,
    );
  }

  /**
   * Starts a worker per scheduler, `SYNC_START_SLICE` at a time with a turn of the event loop between
   * slices: a process starting with thousands of schedulers keeps answering meanwhile.
   */
  private async startAll(schedulers: Scheduler[], phaseOf: (i: number) => number): Promise<void> {
    for (let i = 0; i < schedulers.length; i++) {
      if (i > 0 && i % SYNC_START_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      const scheduler = schedulers[i];
      // A scheduler deleted and created again meanwhile waits for its former worker to stop (next sync).
      if (this.workers.has(scheduler.name) || this.retiring.has(scheduler.name)) continue;
      const worker = new SchedulerWorker(scheduler, this.ports, this.options);
      this.workers.set(scheduler.name, worker);
      worker.start(phaseOf(i));
      this.ports.logger.info('scheduler worker started', { [LogField.SchedulerName]: scheduler.name });
    }
  }

  /** Stops the worker of a deleted scheduler in the background: its running operation holds up no sync. */
  private retire(name: string, worker: SchedulerWorker): void {
    this.workers.delete(name);
    const stopped: Promise<void> = worker
      .stop()
      .then(() => this.ports.logger.info('scheduler worker stopped', { [LogField.SchedulerName]: name }))
      .catch((error: unknown) => this.ports.logger.warn('scheduler worker stop failed', { [LogField.SchedulerName]: name, [LogField.Error]: String(error) }))
      .finally(() => this.retiring.delete(name));
    this.retiring.set(name, stopped);
  }
}
