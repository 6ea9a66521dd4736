import type { OperationFlow } from '@maestro/domain';
import Queue, { type Job, type Queue as BullQueue } from 'bull';
import Redis, { type RedisOptions } from 'ioredis';

export interface BullOperationFlowOptions {
  redisUrl: string;
  /** Prefix of every Bull key (tests isolate themselves with it). */
  keyPrefix?: string;
}

interface OperationJob {
  schedulerName: string;
  operationId: string;
}

/** Handles one delivered operation id; the job completes when the promise settles. */
export type OperationHandler = (operationId: string) => Promise<void>;

const queueName = (schedulerName: string) => `operations:${schedulerName}`;

/**
 * OperationFlow on Bull: one queue per scheduler, job id = operation id. Normal operations go to
 * the tail, priority ones to the head (`lifo`), and each scheduler's queue is consumed one job at
 * a time per process.
 */
export class BullOperationFlow implements OperationFlow {
  private readonly queues = new Map<string, BullQueue<OperationJob>>();
  private client?: Redis;
  private subscriber?: Redis;
  private readonly blocking: Redis[] = [];

  constructor(private readonly options: BullOperationFlowOptions) {}

  async insertOperationId(schedulerName: string, operationId: string): Promise<void> {
    await this.add(schedulerName, operationId, false);
  }

  async insertPriorityOperationId(schedulerName: string, operationId: string): Promise<void> {
    await this.add(schedulerName, operationId, true);
  }

  async listPendingOperationIds(schedulerName: string): Promise<string[]> {
    const queue = this.queue(schedulerName);
    const [active, waiting] = await Promise.all([queue.getActive(), queue.getWaiting()]);
    // Bull returns the waiting jobs in the order it will deliver them.
    return [...active, ...waiting].map((job) => String(job.id));
  }

  async removeOperationId(schedulerName: string, operationId: string): Promise<void> {
    const job = await this.queue(schedulerName).getJob(operationId);
    if (job && (await job.isWaiting())) await job.remove();
  }

  /**
   * Starts consuming the scheduler's queue in this process, one operation at a time. A job whose
   * worker died is delivered again by Bull's stalled-job check.
   */
  consume(schedulerName: string, handler: OperationHandler): void {
    void this.queue(schedulerName).process(1, (job: Job<OperationJob>) => handler(job.data.operationId));
  }

  /** Stops consuming and forgets the scheduler's queue (scheduler deleted). */
  async release(schedulerName: string): Promise<void> {
    const queue = this.queues.get(schedulerName);
    this.queues.delete(schedulerName);
    await queue?.close();
  }

  /** Closes every queue and connection. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close().catch(() => undefined)));
    this.queues.clear();
    for (const connection of [this.client, this.subscriber, ...this.blocking]) connection?.disconnect();
  }

  private async add(schedulerName: string, operationId: string, priority: boolean): Promise<void> {
    await this.queue(schedulerName).add(
      { schedulerName, operationId },
      { jobId: operationId, lifo: priority, removeOnComplete: true, removeOnFail: true, attempts: 1 },
    );
  }

  private queue(schedulerName: string): BullQueue<OperationJob> {
    let queue = this.queues.get(schedulerName);
    if (!queue) {
      queue = new Queue<OperationJob>(queueName(schedulerName), {
        prefix: `${this.options.keyPrefix ?? ''}bull`,
        // A job whose worker died is delivered again within seconds (the runner then recovers it).
        settings: { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 1 },
        createClient: (type, redisOptions) => this.connection(type, redisOptions),
      });
      this.queues.set(schedulerName, queue);
    }
    return queue;
  }

  /** Bull may share the command and subscriber connections; each blocking client is its own. */
  private connection(type: 'client' | 'subscriber' | 'bclient', redisOptions?: RedisOptions): Redis {
    const options: RedisOptions = { ...redisOptions, maxRetriesPerRequest: null, enableReadyCheck: false };
    switch (type) {
      case 'client':
        return (this.client ??= new Redis(this.options.redisUrl, options));
      case 'subscriber':
        return (this.subscriber ??= new Redis(this.options.redisUrl, options));
      case 'bclient': {
        const connection = new Redis(this.options.redisUrl, options);
        this.blocking.push(connection);
        return connection;
      }
    }
  }
}
