export const CLOCK = Symbol('Clock');

/** Wall clock, injectable so that tests control time. */
export interface Clock {
  /** The current time. */
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
