import type { Scheduler } from '../entities/scheduler';

export const SCHEDULER_CACHE = Symbol('SchedulerCache');

/** Short-lived cache of active schedulers (Redis `scheduler:<name>`), read on hot paths. */
export interface SchedulerCache {
  /** The cached scheduler, or undefined on a miss. */
  getScheduler(name: string): Promise<Scheduler | undefined>;
  /** Caches the scheduler for `ttlMs`. */
  setScheduler(scheduler: Scheduler, ttlMs: number): Promise<void>;
  /** Drops the entry (no error when absent). */
  deleteScheduler(name: string): Promise<void>;
}
