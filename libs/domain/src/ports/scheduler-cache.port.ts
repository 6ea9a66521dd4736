import type { Scheduler } from '../entities/scheduler';

export const SCHEDULER_CACHE = Symbol('SchedulerCache');

/** One read of the cache: the entry together with the invalidation generation it belongs to. */
export interface SchedulerCacheRead {
  /** The name's invalidation generation at the read; `setScheduler` needs it to cache what the storage answers next. */
  readonly generation: string;
  /** True when `generation` is the `knownGeneration` the caller gave: nothing was invalidated since, and no entry is sent. */
  readonly unchanged: boolean;
  /** The cached scheduler; undefined on a miss and when `unchanged`. */
  readonly scheduler?: Scheduler;
}

/**
 * Short-lived cache of active schedulers (Redis `scheduler:<name>`), read on hot paths. Every name
 * has an invalidation generation that only moves forward: a scheduler read from the storage before
 * an invalidation can never be cached after it.
 */
export interface SchedulerCache {
  /**
   * The entry and the generation, read atomically. With `knownGeneration` equal to the current
   * generation the answer is `unchanged` and carries no entry (the caller's copy is current).
   */
  read(name: string, knownGeneration?: string): Promise<SchedulerCacheRead>;
  /**
   * Caches the scheduler for `ttlMs` if the name's generation is still `generation` (compared and
   * written atomically); resolves true when written, false when an invalidation came in between.
   */
  setScheduler(scheduler: Scheduler, ttlMs: number, generation: string): Promise<boolean>;
  /**
   * Drops the entry and moves the generation forward, atomically (no error when absent). Called
   * after the change to the storage is committed: reads that began before it cannot refill the cache.
   */
  invalidate(name: string): Promise<void>;
}
