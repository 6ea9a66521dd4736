export const OPERATION_CONSUMER = Symbol('OperationConsumer');

/** Handles one delivered operation id; resolves when the operation has ended. */
export type OperationHandler = (operationId: string) => Promise<void>;

/** Stops a subscription; resolves when nothing more will be delivered. */
export type StopWatching = () => Promise<void>;

/** The worker's side of the per-scheduler queue: delivery of operation ids, one at a time. */
export interface OperationConsumer {
  /**
   * Delivers the scheduler's operation ids to `handler` one at a time, in queue order, in this
   * process; a handler that fails does not stop the deliveries. An id whose process died while
   * handling it is delivered again. Throws when this process consumes the queue already (release
   * it first); other processes may consume it too.
   */
  consume(schedulerName: string, handler: OperationHandler): void;
  /**
   * Stops consuming the scheduler's queue; resolves after the operation being handled ends. Ids
   * still queued wait for the next consumer.
   */
  release(schedulerName: string): Promise<void>;
  /**
   * Calls `listener` with the scheduler's name whenever any process enqueues an operation, from now
   * on (best effort: a missed notice is made up for by the periodic sync).
   */
  watchInsertions(listener: (schedulerName: string) => void): Promise<StopWatching>;
}
