import type { Operation, OperationStatus } from '../entities/operation';

export const OPERATION_STORAGE = Symbol('OperationStorage');

export interface FinishedOperationsQuery {
  page: number;
  perPage: number;
  /** Order by finish time, then the page is re-sorted by createdAt in the same order. */
  sortOrder: 'asc' | 'desc';
}

/**
 * Operation records with their status lists (pending, active, history, no-action). An id is in at
 * most one list, scored by the time (to the second) it got there; a record keeps no `lease` (OperationLease
 * keeps leases), its times to the millisecond and its input as JSON.
 */
export interface OperationStorage {
  /** Stores a new operation (in the pending list when it is `pending`); `ttlMs` makes the record expire (short-lived definitions). */
  createOperation(operation: Operation, ttlMs?: number): Promise<void>;
  /** The operation; throws NotFoundError. */
  getOperation(schedulerName: string, operationId: string): Promise<Operation>;
  /** The operation, or undefined when it is not stored (or expired); other failures reject. */
  findOperation(schedulerName: string, operationId: string): Promise<Operation | undefined>;
  /**
   * Sets the status (and nothing else of `operation`) and moves the id to the matching list: pending
   * for `pending`, active for `in_progress`, history (no-action with `noAction`) for a final status.
   * With `expected`, the write happens only if the stored status is still that one; returns
   * whether it was written. Throws NotFoundError for a missing or expired record.
   */
  updateOperationStatus(operation: Operation, options?: { expected?: OperationStatus; noAction?: boolean }): Promise<boolean>;
  /** Rewrites the definition input, and nothing else. */
  updateOperationDefinition(operation: Operation): Promise<void>;
  /** Appends one event to the history and persists it at once. */
  appendExecutionHistory(schedulerName: string, operationId: string, event: string, at: Date): Promise<void>;
  /**
   * Operations still `pending` (the pending list: every record created or set `pending`, until its
   * status changes), oldest first, those whose record still exists. Not in Maestro: the
   * reconciler's index of what must be queued (docs/compatibility/storage.md).
   */
  listPendingOperations(schedulerName: string): Promise<Operation[]>;
  /**
   * Operations in progress (the active list), those whose record still exists, oldest first; the
   * first `limit` listed when given (all otherwise).
   */
  listActiveOperations(schedulerName: string, limit?: number): Promise<Operation[]>;
  /**
   * Final operations (history list; no-action ones are not in it), one page of the existing records,
   * plus the count of listed ids (expired records count until cleanExpiredOperations removes them).
   */
  listFinishedOperations(schedulerName: string, query: FinishedOperationsQuery): Promise<{ operations: Operation[]; total: number }>;
  /** Removes ids whose records expired from the pending, history and no-action lists. */
  cleanExpiredOperations(schedulerName: string): Promise<void>;
  /** Deletes every operation of the history list and the list itself. */
  deleteHistory(schedulerName: string): Promise<void>;
}
