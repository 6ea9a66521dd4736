import type { Clock } from '@maestro/domain';

/**
 * The Clock port under the test's control: time stands still until `advance` or `set` moves it
 * forward. Fakes that expire things (leases, locks, operation records) read it too, so one clock
 * drives a whole unit test.
 */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date = new Date('2026-01-02T10:00:00Z')) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves time forward by `ms`. */
  advance(ms: number): void {
    if (ms < 0) throw new Error(`a clock does not go back (advance by ${ms} ms)`);
    this.current += ms;
  }

  /** Moves time forward to `at`. */
  set(at: Date): void {
    this.advance(at.getTime() - this.current);
  }
}
