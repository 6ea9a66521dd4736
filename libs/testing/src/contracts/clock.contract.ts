import type { Clock } from '@maestro/domain';

/**
 * The Clock port's contract, run against the system clock and the ManualClock fake. `clock()`
 * answers the implementation under test; `elapse(ms)` lets at least `ms` pass on it.
 */
export function clockContract(clock: () => Clock, elapse: (ms: number) => Promise<void> | void): void {
  describe('Clock contract', () => {
    it('answers a valid date', () => {
      expect(Number.isNaN(clock().now().getTime())).toBe(false);
    });

    it('never goes back, and moves on as time passes', async () => {
      const first = clock().now();
      await elapse(5);
      const second = clock().now();
      expect(second.getTime()).toBeGreaterThanOrEqual(first.getTime() + 5);
    });

    it('hands out dates the caller may change without changing the clock', () => {
      const read = clock().now();
      const before = read.getTime();
      read.setFullYear(1990);
      expect(clock().now().getTime()).toBeGreaterThanOrEqual(before);
    });
  });
}
