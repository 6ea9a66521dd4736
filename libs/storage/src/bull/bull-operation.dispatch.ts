import type { Job, Queue as BullQueue } from 'bull';
import type { StopListening } from '../redis/redis-channel';
import type { TraceCarrier } from '../trace-context';

/** What a job of an operation queue carries: the operation, and the trace context of the request that queued it (when traced). */
export interface OperationJob extends TraceCarrier {
  schedulerName: string;
  operationId: string;
}

/** Runs one delivered job (the flow continues its trace around the domain's handler). */
export type JobHandler = (job: OperationJob) => Promise<void>;

/** Bull 4 methods its typings leave out: the non-blocking take and the stalled check its `process()` uses. */
interface BullInternals {
  keys: { wait: string };
  moveToActive(): Promise<Job<OperationJob> | null | undefined>;
  moveUnlockedJobsToWait(): Promise<void>;
}

const internals = (queue: BullQueue<OperationJob>): BullInternals => queue as unknown as BullInternals;

/** One consumed queue: its handler and the loop that takes its jobs one at a time. */
interface Consumption {
  queue: BullQueue<OperationJob>;
  handler: JobHandler;
  /** The loop in progress (taking and handling jobs), if any. */
  draining?: Promise<void>;
  /** A notice came while the loop ran: it looks once more before it ends. */
  again: boolean;
  released: boolean;
}

export interface BullOperationDispatchOptions {
  /** Subscribes to the insertion notices (scheduler names); resolves once subscribed. */
  listen: (onNotice: (schedulerName: string) => void) => Promise<StopListening>;
  /** How long a taken job stays locked without renewal (Bull's `lockDuration`). */
  lockDurationMs: number;
  /** Period of the stalled-job check and of the look into idle queues (missed notices). */
  sweepIntervalMs: number;
  onError?: (error: unknown, schedulerName: string) => void;
}

/**
 * Consumes many Bull queues without a blocking connection each: a queue is looked into when a
 * notice says it got a job, when a job of it stalled, and on a periodic sweep (one pipelined LLEN
 * for every idle queue) for notices missed. Jobs are taken with Bull's own non-blocking
 * `moveToActive` (same order, same lock), handled one at a time per queue, their lock renewed while
 * the handler runs, then completed or failed with Bull's scripts.
 */
export class BullOperationDispatch {
  private readonly consumed = new Map<string, Consumption>();
  private listening?: Promise<StopListening | undefined>;
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly options: BullOperationDispatchOptions) {}

  consume(schedulerName: string, queue: BullQueue<OperationJob>, handler: JobHandler): void {
    if (this.consumed.has(schedulerName)) throw new Error(`the queue of ${schedulerName} is already consumed in this process`);
    const consumption: Consumption = { queue, handler, again: false, released: false };
    this.consumed.set(schedulerName, consumption);
    queue.on('stalled', () => this.drain(schedulerName, consumption));
    queue.on('error', (error: unknown) => this.options.onError?.(error, schedulerName));
    this.start();
    // Looked into once subscribed: a job inserted before is found now, one inserted after is noticed.
    this.listening?.then(() => this.drain(schedulerName, consumption)).catch((error: unknown) => this.options.onError?.(error, schedulerName));
  }

  /** Stops taking jobs of the queue; resolves once the job being handled has ended. */
  async release(schedulerName: string): Promise<void> {
    const consumption = this.consumed.get(schedulerName);
    if (!consumption) return;
    consumption.released = true;
    this.consumed.delete(schedulerName);
    await consumption.draining;
  }

  /** Releases every queue and stops listening. */
  async close(): Promise<void> {
    await Promise.all([...this.consumed.keys()].map((name) => this.release(name)));
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    const listening = this.listening;
    this.listening = undefined;
    const stop = await listening?.catch(() => undefined);
    await stop?.();
  }

  private start(): void {
    if (this.listening) return;
    this.listening = this.options
      .listen((schedulerName) => {
        const consumption = this.consumed.get(schedulerName);
        if (consumption) this.drain(schedulerName, consumption);
      })
      .catch((error: unknown) => {
        // The sweep still finds the work; the next start tries to subscribe again.
        this.options.onError?.(error, '');
        this.listening = undefined;
        return undefined;
      });
    if (this.sweeper) return;
    this.sweeper = setInterval(() => void this.sweep().catch((error: unknown) => this.options.onError?.(error, '')), this.options.sweepIntervalMs);
    this.sweeper.unref();
  }

  /** Takes and handles the queue's jobs until it is empty (or released); at most one loop per queue. */
  private drain(schedulerName: string, consumption: Consumption): void {
    if (consumption.released) return;
    if (consumption.draining) {
      consumption.again = true;
      return;
    }
    const loop = async () => {
      do {
        consumption.again = false;
        while (!consumption.released) {
          const job = await internals(consumption.queue).moveToActive();
          if (!job) break;
          await this.deliver(consumption, job).catch((error: unknown) => this.options.onError?.(error, schedulerName));
        }
      } while (consumption.again && !consumption.released);
    };
    consumption.draining = loop()
      .catch((error: unknown) => this.options.onError?.(error, schedulerName))
      .finally(() => (consumption.draining = undefined));
  }

  private async deliver(consumption: Consumption, job: Job<OperationJob>): Promise<void> {
    const renewal = setInterval(() => {
      job.extendLock(this.options.lockDurationMs).catch(() => undefined);
    }, this.options.lockDurationMs / 2);
    let failure: unknown;
    try {
      await consumption.handler(job.data);
    } catch (error) {
      failure = error;
    } finally {
      clearInterval(renewal);
    }
    // A job whose lock was lost stays active for the stalled check (Bull's rule): its error is reported.
    if (failure === undefined) await job.moveToCompleted(undefined, false, true);
    else await job.moveToFailed({ message: failure instanceof Error ? failure.message : String(failure) });
  }

  /** Recovers stalled jobs of every consumed queue, and looks into the idle queues that hold jobs. */
  private async sweep(): Promise<void> {
    const entries = [...this.consumed.entries()];
    if (entries.length === 0) return;
    await Promise.all(entries.map(([, { queue }]) => internals(queue).moveUnlockedJobsToWait()));
    const idle = entries.filter(([, consumption]) => !consumption.draining && !consumption.released);
    if (idle.length === 0) return;
    // Every queue shares one command connection: one round trip for all of them.
    const pipeline = idle[0][1].queue.client.pipeline();
    for (const [, { queue }] of idle) pipeline.llen(internals(queue).keys.wait);
    const lengths = (await pipeline.exec().catch(() => null)) ?? [];
    lengths.forEach(([error, length], i) => {
      if (!error && Number(length) > 0) this.drain(idle[i][0], idle[i][1]);
    });
  }
}
