import type { Clock, SchedulerLock } from '@maestro/domain';
import { ManualClock } from '../fakes/manual-clock';
import { waitFor } from '../wait-for';

/**
 * The SchedulerLock port's contract, run against the Redis adapter and the in-memory fake.
 * `create(clock)` answers the implementation under test; an implementation that expires on the wall
 * clock ignores `clock`, which the contract moves as the wall clock moves (expiries are waited for).
 * Scheduler names are unique per test.
 */
export function schedulerLockContract(create: (clock: Clock) => SchedulerLock): void {
  describe('SchedulerLock contract', () => {
    let clock: ManualClock;
    let lock: SchedulerLock;
    let names = 0;
    const aName = () => `lock-contract-${++names}`;
    /** Lets `ttlMs` pass: moves the test clock, then waits for `condition` on the wall clock too. */
    const afterExpiry = async (ttlMs: number, condition: () => Promise<boolean>, description: string) => {
      clock.advance(ttlMs);
      await waitFor(condition, { timeoutMs: ttlMs + 3_000, description });
    };

    beforeEach(() => {
      clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
      lock = create(clock);
    });

    it('has one owner at a time, the owner included: it is not reentrant', async () => {
      const s = aName();
      expect(await lock.tryAcquire(s, 'worker-a', 5_000)).toBe(true);
      expect(await lock.tryAcquire(s, 'worker-b', 5_000)).toBe(false);
      expect(await lock.tryAcquire(s, 'worker-a', 5_000)).toBe(false);
      expect(await lock.tryAcquire(aName(), 'worker-b', 5_000)).toBe(true);
    });

    it('is renewed and released by its owner only', async () => {
      const s = aName();
      await lock.tryAcquire(s, 'worker-a', 5_000);
      expect(await lock.renew(s, 'worker-b', 5_000)).toBe(false);
      expect(await lock.renew(s, 'worker-a', 5_000)).toBe(true);
      await lock.release(s, 'worker-b');
      expect(await lock.tryAcquire(s, 'worker-b', 5_000)).toBe(false);
      await lock.release(s, 'worker-a');
      expect(await lock.tryAcquire(s, 'worker-b', 5_000)).toBe(true);
      expect(await lock.renew(s, 'worker-a', 5_000)).toBe(false);
    });

    it('renews nothing and releases nothing when nobody holds the lock', async () => {
      const s = aName();
      expect(await lock.renew(s, 'worker-a', 5_000)).toBe(false);
      await expect(lock.release(s, 'worker-a')).resolves.toBeUndefined();
      expect(await lock.tryAcquire(s, 'worker-a', 5_000)).toBe(true);
    });

    it('frees the lock of an owner that stopped renewing once its time to live has passed, not before', async () => {
      const s = aName();
      const ttlMs = 1_000;
      await lock.tryAcquire(s, 'dead-worker', ttlMs);
      clock.advance(ttlMs - 1);
      expect(await lock.tryAcquire(s, 'worker-b', ttlMs)).toBe(false);
      await afterExpiry(1, () => lock.tryAcquire(s, 'worker-b', 60_000), 'the lock to expire');
      expect(await lock.renew(s, 'dead-worker', ttlMs)).toBe(false);
      await lock.release(s, 'dead-worker');
      expect(await lock.tryAcquire(s, 'worker-c', ttlMs)).toBe(false);
    });

    it('keeps a renewed lock for another time to live', async () => {
      const s = aName();
      await lock.tryAcquire(s, 'worker-a', 200);
      expect(await lock.renew(s, 'worker-a', 60_000)).toBe(true);
      clock.advance(200);
      expect(await lock.tryAcquire(s, 'worker-b', 60_000)).toBe(false);
    });

    it('gives a periodic task of a scheduler to the first claimer of the period only', async () => {
      const s = aName();
      expect(await lock.claimPeriod(s, 'health_controller', 'worker-a', 60_000)).toBe(true);
      expect(await lock.claimPeriod(s, 'health_controller', 'worker-b', 60_000)).toBe(false);
      expect(await lock.claimPeriod(s, 'health_controller', 'worker-a', 60_000)).toBe(false);
      expect(await lock.claimPeriod(s, 'storage_clean_up', 'worker-b', 60_000)).toBe(true);
      expect(await lock.claimPeriod(aName(), 'health_controller', 'worker-b', 60_000)).toBe(true);
    });

    it('lets the next claim of a task in once the claim has expired, not before', async () => {
      const s = aName();
      const ttlMs = 1_000;
      expect(await lock.claimPeriod(s, 'health_controller', 'worker-a', ttlMs)).toBe(true);
      clock.advance(ttlMs - 1);
      expect(await lock.claimPeriod(s, 'health_controller', 'worker-b', ttlMs)).toBe(false);
      await afterExpiry(1, () => lock.claimPeriod(s, 'health_controller', 'worker-b', 60_000), 'the claim to expire');
    });

    it('keeps claims and the execution lock apart', async () => {
      const s = aName();
      expect(await lock.claimPeriod(s, 'health_controller', 'worker-a', 60_000)).toBe(true);
      expect(await lock.tryAcquire(s, 'worker-b', 60_000)).toBe(true);
      await lock.release(s, 'worker-b');
      expect(await lock.claimPeriod(s, 'health_controller', 'worker-b', 60_000)).toBe(false);
    });
  });
}
