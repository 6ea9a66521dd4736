import type { Operation, OperationStatus } from '../entities/operation';

export const OPERATION_STORAGE = Symbol('OperationStorage');

export interface FinishedOperationsQuery {
  page: number;
  perPage: number;
  /** Order by finish time, then the page is re-sorted by createdAt in the same order. */
  sortOrder: 'asc' | 'desc';
}

/** Operation records with their status lists (active, history, no-action). */
export interface OperationStorage {
  /** Stores a new operation; `ttlMs` makes the record expire (short-lived definitions). */
  createOperation(operation: Operation, ttlMs?: number): Promise<void>;
  /** The operation; throws NotFoundError. */
  getOperation(schedulerName: string, operationId: string): Promise<Operation>;
  /**
   * Sets the status and moves the id to the matching list (active, history or no-action).
   * With `expected`, the write happens only if the stored status is still that one; returns
   * whether it was written.
   */
  updateOperationStatus(
    operation: Operation,
    options?: { expected?: OperationStatus; noAction?: boolean },
  ): Promise<boolean>;
  /** Rewrites the definition input. */
  updateOperationDefinition(operation: Operation): Promise<void>;
  /** Appends one event to the history and persists it at once. */
  appendExecutionHistory(schedulerName: string, operationId: string, event: string, at: Date): Promise<void>;
  /** Operations in progress (the active list). */
  listActiveOperations(schedulerName: string): Promise<Operation[]>;
  /** Final operations (history list), one page, plus the total count. */
  listFinishedOperations(
    schedulerName: string,
    query: FinishedOperationsQuery,
  ): Promise<{ operations: Operation[]; total: number }>;
  /** Removes ids whose records expired from the history and no-action lists. */
  cleanExpiredOperations(schedulerName: string): Promise<void>;
  /** Deletes every operation of the history list and the list itself. */
  deleteHistory(schedulerName: string): Promise<void>;
}
