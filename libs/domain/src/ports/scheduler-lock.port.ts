export const SCHEDULER_LOCK = Symbol('SchedulerLock');

/**
 * One owner at a time per scheduler across every worker process (invariant 1: at most one operation
 * of a scheduler executes anywhere). A lock whose owner dies expires after its TTL.
 */
export interface SchedulerLock {
  /** Takes the scheduler's lock if it is free; true when `owner` took it, false while anyone (`owner` too) holds it. */
  tryAcquire(schedulerName: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Makes `owner`'s lock expire `ttlMs` from now; false when `owner` no longer holds it. */
  renew(schedulerName: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock if `owner` holds it; nothing otherwise. */
  release(schedulerName: string, owner: string): Promise<void>;
  /**
   * Claims the scheduler's periodic `task` for `ttlMs`: true for the first caller, false for every
   * other until the claim expires (claims are never released, so they are at least `ttlMs` apart).
   */
  claimPeriod(schedulerName: string, task: string, owner: string, ttlMs: number): Promise<boolean>;
}
