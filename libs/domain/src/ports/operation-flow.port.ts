export const OPERATION_FLOW = Symbol('OperationFlow');

/** The per-scheduler FIFO of pending operation ids; priority ids go to its head. */
export interface OperationFlow {
  /** Appends the id at the tail of the scheduler's queue. */
  insertOperationId(schedulerName: string, operationId: string): Promise<void>;
  /** Pushes the id at the head of the scheduler's queue (health-controller add/remove rooms). */
  insertPriorityOperationId(schedulerName: string, operationId: string): Promise<void>;
  /** Pending ids in delivery order (the one being delivered first). */
  listPendingOperationIds(schedulerName: string): Promise<string[]>;
  /** Removes a pending id from the queue; no error when absent. */
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
  /** Calls `handler` for each request published from now on; resolves to an unsubscribe function. */
  subscribe(handler: (request: CancellationRequest) => void): Promise<() => Promise<void>>;
}
