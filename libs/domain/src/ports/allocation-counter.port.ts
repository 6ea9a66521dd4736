export const ALLOCATION_COUNTER = Symbol('AllocationCounter');

/** Minutes of allocation counts an implementation keeps at least (autoscaling.md, "allocations per minute"). */
export const ALLOCATION_COUNTER_MINUTES = 10;

/**
 * Room allocations per scheduler and per minute (UTC minutes since the epoch), not in Maestro: the
 * input of the `allocationBufferMinutes` option and of webhooks. Counts expire after
 * {@link ALLOCATION_COUNTER_MINUTES} minutes at least.
 */
export interface AllocationCounter {
  /** Adds one allocation to the minute of `at`; one cheap write, for the allocation hot path. */
  record(schedulerName: string, at: Date): Promise<void>;
  /**
   * The counts of the `minutes` minutes up to and including the minute of `now`, oldest first; 0 for a
   * minute without allocations. `minutes` is at most {@link ALLOCATION_COUNTER_MINUTES}.
   */
  recent(schedulerName: string, now: Date, minutes: number): Promise<number[]>;
}

/** The minute of a time: whole minutes since the epoch. */
export const minuteOf = (at: Date): number => Math.floor(at.getTime() / 60_000);
