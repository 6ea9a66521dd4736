export const OPERATION_FLOW = Symbol('OperationFlow');

/** The per-scheduler FIFO of pending operation ids; priority ids go to its head. */
export interface OperationFlow {
  /** Appends the id at the tail of the scheduler's queue; an id already queued (waiting or delivered) stays where it is. */
  insertOperationId(schedulerName: string, operationId: string): Promise<void>;
  /** Pushes the id at the head of the scheduler's queue (health-controller add/remove rooms); an id already queued stays where it is. */
  insertPriorityOperationId(schedulerName: string, operationId: string): Promise<void>;
  /** Pending ids in delivery order (the one being delivered first, until its handler has ended). */
  listPendingOperationIds(schedulerName: string): Promise<string[]>;
  /** Whether the id is in the scheduler's queue: waiting, or being delivered until its handler ends. */
  isQueued(schedulerName: string, operationId: string): Promise<boolean>;
  /** Removes a waiting id from the queue (the one being delivered stays); no error when absent. */
  removeOperationId(schedulerName: string, operationId: string): Promise<void>;
}

export const OPERATION_CANCELLATION = Symbol('OperationCancellation');

export interface CancellationRequest {
  schedulerName: string;
  operationId: string;
}

/** Broadcast of cancel requests from the API to every worker process. */
export interface OperationCancellation {
  /** Publishes a cancel request. */
  requestCancellation(request: CancellationRequest): Promise<void>;
  /**
   * Calls `handler` for each request published from now on, in order; resolves to an unsubscribe
   * function, after which the handler hears nothing more.
   */
  subscribe(handler: (request: CancellationRequest) => void): Promise<() => Promise<void>>;
}
