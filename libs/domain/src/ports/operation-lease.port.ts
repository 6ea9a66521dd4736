import type { OperationLeaseInfo } from '../entities/operation';

export const OPERATION_LEASE = Symbol('OperationLease');

/**
 * Per-operation expiry timestamps, renewed while the operation runs. Expiries are whole seconds: a
 * grant expires at the current second plus `ttlMs` rounded up to seconds (at least one), and a
 * renewal adds as much to the expiry. A lease stays, expired or not, until it is revoked.
 */
export interface OperationLease {
  /** Grants a lease expiring after `ttlMs`; throws AlreadyExistsError when the operation has one. */
  grantLease(schedulerName: string, operationId: string, ttlMs: number): Promise<void>;
  /** Sets the expiry to now + `ttlMs` (absolute, so a missed renewal is caught up); throws NotFoundError without a lease. */
  renewLease(schedulerName: string, operationId: string, ttlMs: number): Promise<void>;
  /** Removes the lease; throws NotFoundError when absent. */
  revokeLease(schedulerName: string, operationId: string): Promise<void>;
  /** The lease; throws NotFoundError. */
  fetchLease(schedulerName: string, operationId: string): Promise<OperationLeaseInfo>;
  /** The lease, or undefined when the operation holds none; other failures reject. */
  findLease(schedulerName: string, operationId: string): Promise<OperationLeaseInfo | undefined>;
  /** Leases of the given operations, in the order given; throws NotFoundError if any is missing. */
  fetchOperationsLease(schedulerName: string, operationIds: string[]): Promise<OperationLeaseInfo[]>;
}
