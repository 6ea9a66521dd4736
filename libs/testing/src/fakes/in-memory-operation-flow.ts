import type { OperationConsumer, OperationFlow, OperationHandler, StopWatching } from '@maestro/domain';

/** One scheduler's queue: the ids waiting in delivery order, and the one being handled. */
interface Queue {
  waiting: string[];
  active?: string;
  handler?: OperationHandler;
  /** Settles when the delivery in progress has ended. */
  delivery?: Promise<void>;
}

/**
 * OperationFlow and OperationConsumer in memory, for unit tests: one array of ids per scheduler,
 * priority ids at its head, delivered one at a time in order while a handler consumes it. Like the
 * Bull adapter, an id already queued is not queued twice, the id being handled stays listed first
 * until its handler ends, a handler that fails does not stop the deliveries (`failures` keeps why),
 * and a queue has one consumer: this fake is one process (give another process its own fake).
 */
export class InMemoryOperationFlow implements OperationFlow, OperationConsumer {
  private readonly queues = new Map<string, Queue>();
  private readonly watchers = new Set<{ listener: (schedulerName: string) => void }>();
  /** What handlers threw, in order. */
  readonly failures: unknown[] = [];

  async insertOperationId(schedulerName: string, operationId: string): Promise<void> {
    this.add(schedulerName, operationId, 'tail');
  }

  async insertPriorityOperationId(schedulerName: string, operationId: string): Promise<void> {
    this.add(schedulerName, operationId, 'head');
  }

  async listPendingOperationIds(schedulerName: string): Promise<string[]> {
    const queue = this.queue(schedulerName);
    return queue.active === undefined ? [...queue.waiting] : [queue.active, ...queue.waiting];
  }

  async isQueued(schedulerName: string, operationId: string): Promise<boolean> {
    const queue = this.queue(schedulerName);
    return queue.active === operationId || queue.waiting.includes(operationId);
  }

  /**
   * Loses a waiting id as Bull drops a job stalled more than `maxStalledCount` times: out of the
   * queue without a trace (for tests of what recovers it).
   */
  drop(schedulerName: string, operationId: string): void {
    const queue = this.queue(schedulerName);
    queue.waiting = queue.waiting.filter((id) => id !== operationId);
  }

  async removeOperationId(schedulerName: string, operationId: string): Promise<void> {
    const queue = this.queue(schedulerName);
    queue.waiting = queue.waiting.filter((id) => id !== operationId);
  }

  consume(schedulerName: string, handler: OperationHandler): void {
    const queue = this.queue(schedulerName);
    if (queue.handler) throw new Error(`the queue of ${schedulerName} is already consumed in this process`);
    queue.handler = handler;
    this.deliverNext(schedulerName);
  }

  async release(schedulerName: string): Promise<void> {
    const queue = this.queue(schedulerName);
    queue.handler = undefined;
    await queue.delivery;
  }

  async watchInsertions(listener: (schedulerName: string) => void): Promise<StopWatching> {
    const watcher = { listener };
    this.watchers.add(watcher);
    return async () => void this.watchers.delete(watcher);
  }

  /** Whether a handler consumes the scheduler's queue. */
  isConsumed(schedulerName: string): boolean {
    return this.queue(schedulerName).handler !== undefined;
  }

  private add(schedulerName: string, operationId: string, end: 'head' | 'tail'): void {
    const queue = this.queue(schedulerName);
    if (queue.active !== operationId && !queue.waiting.includes(operationId)) {
      if (end === 'head') queue.waiting.unshift(operationId);
      else queue.waiting.push(operationId);
    }
    for (const watcher of [...this.watchers]) watcher.listener(schedulerName);
    this.deliverNext(schedulerName);
  }

  /** Hands the head of the queue to the handler, unless one is being handled or nobody consumes. */
  private deliverNext(schedulerName: string): void {
    const queue = this.queue(schedulerName);
    const { handler } = queue;
    if (!handler || queue.active !== undefined || queue.waiting.length === 0) return;
    const operationId = queue.waiting.shift() as string;
    queue.active = operationId;
    queue.delivery = Promise.resolve()
      .then(() => handler(operationId))
      .catch((error: unknown) => void this.failures.push(error))
      .finally(() => {
        queue.active = undefined;
        queue.delivery = undefined;
        this.deliverNext(schedulerName);
      });
  }

  private queue(schedulerName: string): Queue {
    let queue = this.queues.get(schedulerName);
    if (!queue) {
      queue = { waiting: [] };
      this.queues.set(schedulerName, queue);
    }
    return queue;
  }
}
