import { type Logger, type OperationConsumer, type OperationFlow, type OperationHandler, silentLogger } from '@maestro/domain';
import Queue, { type Job, type Queue as BullQueue, type QueueOptions } from 'bull';
import Redis, { type RedisOptions } from 'ioredis';
import { type StopListening, listenToChannel } from '../redis/redis-channel';
import { logRedisOutages } from '../redis/redis-outage-log';
import { continueTrace, currentTraceCarrier } from '../trace-context';
import { BullOperationDispatch, type OperationJob } from './bull-operation.dispatch';

export interface BullOperationFlowOptions {
  redisUrl: string;
  /** Prefix of every Bull key (`<keyPrefix>bull:operations:<scheduler>:...`). */
  keyPrefix?: string;
  /** Called when a consumer stops on an error (Bull's `process()` failing); defaults to ignoring it. */
  onError?: (error: unknown, schedulerName: string) => void;
  /** Where Redis outages of the shared connections are logged (once each); silent by default. */
  logger?: Logger;
}

/** Name of a scheduler's Bull queue. */
export const operationQueueName = (schedulerName: string): string => `operations:${schedulerName}`;

/** Channel on which every insertion publishes its scheduler's name (so workers find new schedulers at once). */
export const operationEnqueuedChannel = (keyPrefix = ''): string => `${keyPrefix}bull:operations:enqueued`;

/** Bull settings: a job whose worker died is delivered again within seconds (the runner then recovers it). */
const QUEUE_SETTINGS = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 1 };

/** Bull job states of an id still in the queue: waiting for delivery, or being delivered. */
const QUEUED_STATES = new Set(['waiting', 'paused', 'delayed', 'active']);

/**
 * OperationFlow on Bull: one queue per scheduler, job id = operation id. Normal operations go to
 * the tail, priority ones to the head (Bull `lifo`). All queues share one command connection and one
 * subscriber connection; consumed queues share one dispatch (BullOperationDispatch) that takes
 * their jobs without Bull's blocking connection per queue, so a worker's connections do not grow
 * with its schedulers.
 */
export class BullOperationFlow implements OperationFlow, OperationConsumer {
  private readonly queues = new Map<string, BullQueue<OperationJob>>();
  private client?: Redis;
  private subscriber?: Redis;
  private readonly watchers = new Set<StopListening>();
  private readonly dispatch: BullOperationDispatch;
  /** Set when close() begins: nothing may open a connection after it (a late one would keep the process alive). */
  private closed = false;

  constructor(private readonly options: BullOperationFlowOptions) {
    this.dispatch = new BullOperationDispatch({
      listen: (onNotice) => this.listen('bull dispatch', onNotice),
      lockDurationMs: QUEUE_SETTINGS.lockDuration,
      sweepIntervalMs: QUEUE_SETTINGS.stalledInterval,
      onError: options.onError,
    });
  }

  async insertOperationId(schedulerName: string, operationId: string): Promise<void> {
    await this.add(schedulerName, operationId, false);
  }

  async insertPriorityOperationId(schedulerName: string, operationId: string): Promise<void> {
    await this.add(schedulerName, operationId, true);
  }

  async listPendingOperationIds(schedulerName: string): Promise<string[]> {
    const queue = this.queue(schedulerName);
    // getWaiting lists the waiting jobs in the order Bull will deliver them.
    const [active, waiting] = await Promise.all([queue.getActive(), queue.getWaiting()]);
    // Bull answers null for a job that completed (and was removed) between its listing and its read.
    return [...active, ...waiting].filter((job): job is Job<OperationJob> => job !== null).map((job) => String(job.id));
  }

  async isQueued(schedulerName: string, operationId: string): Promise<boolean> {
    const job = await this.queue(schedulerName).getJob(operationId);
    if (!job) return false;
    // Completed and failed jobs are removed at once (removeOnComplete, removeOnFail); a job read in
    // between is no longer queued either.
    return QUEUED_STATES.has(await job.getState());
  }

  async removeOperationId(schedulerName: string, operationId: string): Promise<void> {
    const job = await this.queue(schedulerName).getJob(operationId);
    // A delivered (active) job belongs to its executor; only a waiting one is taken out.
    if (job && (await job.isWaiting())) await job.remove();
  }

  /**
   * Starts consuming the scheduler's queue in this process, one operation at a time (concurrency 1),
   * in delivery order. A job whose process died is delivered again by Bull's stalled-job check.
   * Several processes may consume the same queue: exclusivity across them is the worker's lock.
   * The handler runs in a span that continues the trace of the request that queued the operation.
   */
  consume(schedulerName: string, handler: OperationHandler): void {
    const attributes = (job: OperationJob) => ({ 'maestro.scheduler_name': schedulerName, 'maestro.operation_id': job.operationId });
    this.dispatch.consume(schedulerName, this.queue(schedulerName), (job) =>
      continueTrace(job, 'operation execute', attributes(job), () => handler(job.operationId)),
    );
  }

  /** Stops consuming and forgets the scheduler's queue (scheduler deleted); its jobs stay in Redis. */
  async release(schedulerName: string): Promise<void> {
    await this.dispatch.release(schedulerName);
    const queue = this.queues.get(schedulerName);
    this.queues.delete(schedulerName);
    await queue?.close().catch(() => undefined);
  }

  /**
   * Calls `listener` with the scheduler name of every operation inserted from now on, by any
   * process. Resolves once subscribed, with the function that stops listening.
   */
  async watchInsertions(listener: (schedulerName: string) => void): Promise<StopListening> {
    return this.listen('bull insertions', listener);
  }

  /** Closes every queue and connection; what is asked of the flow from then on is refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.dispatch.close();
    await Promise.all([...this.watchers].map((stop) => stop()));
    await Promise.all([...this.queues.keys()].map((name) => this.release(name)));
    this.client?.disconnect();
    this.subscriber?.disconnect();
    this.client = this.subscriber = undefined;
  }

  /** Subscribes a connection of its own to the insertion channel; closed by `close()` at the latest. */
  private async listen(name: string, listener: (schedulerName: string) => void): Promise<StopListening> {
    this.refuseWhenClosed();
    const connection = this.logged(
      new Redis(this.options.redisUrl, { maxRetriesPerRequest: null, connectionName: `maestro:${this.options.keyPrefix ?? ''}bull:watch` }),
      name,
    );
    const stop = await listenToChannel(connection, operationEnqueuedChannel(this.options.keyPrefix), listener);
    if (this.closed) {
      // close() began while this subscribed: it did not see this connection.
      await stop();
      this.refuseWhenClosed();
    }
    const stopOnce = async () => {
      this.watchers.delete(stopOnce);
      await stop();
    };
    this.watchers.add(stopOnce);
    return stopOnce;
  }

  private async add(schedulerName: string, operationId: string, priority: boolean): Promise<void> {
    const queue = this.queue(schedulerName);
    await queue.add(
      { schedulerName, operationId, ...currentTraceCarrier() },
      { jobId: operationId, lifo: priority, removeOnComplete: true, removeOnFail: true, attempts: 1 },
    );
    // Best effort: a worker that misses it still finds the scheduler on its periodic sync.
    await queue.client.publish(operationEnqueuedChannel(this.options.keyPrefix), schedulerName).catch(() => undefined);
  }

  private queue(schedulerName: string): BullQueue<OperationJob> {
    this.refuseWhenClosed();
    let queue = this.queues.get(schedulerName);
    if (!queue) {
      const options: QueueOptions & { skipVersionCheck?: boolean } = {
        prefix: `${this.options.keyPrefix ?? ''}bull`,
        settings: QUEUE_SETTINGS,
        // Bull (which leaves this option out of its typings) reads Redis' INFO for each queue it
        // creates otherwise: 1,000 schedulers, 1,000 INFO replies.
        skipVersionCheck: true,
        createClient: (type, redisOptions) => this.connection(type, redisOptions),
      };
      queue = new Queue<OperationJob>(operationQueueName(schedulerName), options);
      this.queues.set(schedulerName, queue);
    }
    return queue;
  }

  private refuseWhenClosed(): void {
    if (this.closed) throw new Error('the operation flow is closed');
  }

  /** A connection whose outages are logged. */
  private logged(connection: Redis, name: string): Redis {
    return logRedisOutages(connection, name, this.options.logger ?? silentLogger);
  }

  /** Bull lets queues share the command and subscriber connections; the blocking one is never asked for (no `process()`). */
  private connection(type: 'client' | 'subscriber' | 'bclient', redisOptions?: RedisOptions): Redis {
    const options: RedisOptions = {
      ...redisOptions,
      maxRetriesPerRequest: null,
      enableReadyCheck: false,
      connectionName: `maestro:${this.options.keyPrefix ?? ''}bull`,
    };
    switch (type) {
      case 'client':
        return (this.client ??= shared(this.logged(new Redis(this.options.redisUrl, options), 'bull client')));
      case 'subscriber':
        return (this.subscriber ??= shared(this.logged(new Redis(this.options.redisUrl, options), 'bull subscriber')));
      case 'bclient':
        throw new Error('Bull asked for a blocking connection: the dispatch takes jobs without one');
    }
  }
}

/** Every queue adds its listeners to a shared connection: no listener limit (one queue per scheduler). */
function shared(connection: Redis): Redis {
  connection.setMaxListeners(0);
  return connection;
}
