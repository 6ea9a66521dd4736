import { AlreadyExistsError, type Clock, NotFoundError, type OperationLease } from '@maestro/domain';
import { ManualClock } from '../fakes/manual-clock';

/**
 * The OperationLease port's contract, run against the Redis adapter and the in-memory fake.
 * `create(clock)` answers the implementation under test, reading the time from `clock`; scheduler
 * names are unique per test.
 */
export function operationLeaseContract(create: (clock: Clock) => OperationLease): void {
  describe('OperationLease contract', () => {
    let clock: ManualClock;
    let lease: OperationLease;
    let names = 0;
    const aName = () => `lease-contract-${++names}`;

    beforeEach(() => {
      clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
      lease = create(clock);
    });

    it('grants one lease per operation, expiring its time to live from now', async () => {
      const s = aName();
      await lease.grantLease(s, 'op', 5_000);
      expect(await lease.fetchLease(s, 'op')).toEqual({ operationId: 'op', ttl: new Date('2026-01-02T10:00:05Z') });
      const again = lease.grantLease(s, 'op', 5_000);
      await expect(again).rejects.toBeInstanceOf(AlreadyExistsError);
      await expect(again).rejects.toThrow('lease already exists for operation op');
    });

    it('keeps expiries in whole seconds: the current second plus the time to live rounded up, at least one', async () => {
      const s = aName();
      clock.set(new Date('2026-01-02T10:00:00.700Z'));
      await lease.grantLease(s, 'rounded', 1_500);
      await lease.grantLease(s, 'short', 10);
      expect((await lease.fetchLease(s, 'rounded')).ttl).toEqual(new Date('2026-01-02T10:00:02Z'));
      expect((await lease.fetchLease(s, 'short')).ttl).toEqual(new Date('2026-01-02T10:00:01Z'));
    });

    it('renews a lease to now + the time to live, so a missed renewal is caught up', async () => {
      const s = aName();
      await lease.grantLease(s, 'op', 5_000);
      clock.advance(3_000);
      await lease.renewLease(s, 'op', 5_000);
      expect((await lease.fetchLease(s, 'op')).ttl).toEqual(new Date('2026-01-02T10:00:08Z'));
      // The renewal due at 10:00:08 was missed; the next one comes at 10:00:13.
      clock.advance(10_000);
      await lease.renewLease(s, 'op', 5_000);
      expect((await lease.fetchLease(s, 'op')).ttl).toEqual(new Date('2026-01-02T10:00:18Z'));
    });

    it('revokes a lease, and answers not found for a lease there is not', async () => {
      const s = aName();
      await lease.grantLease(s, 'op', 5_000);
      await lease.revokeLease(s, 'op');
      await expect(lease.revokeLease(s, 'op')).rejects.toThrow(new NotFoundError('lease of operation op not found'));
      await expect(lease.renewLease(s, 'op', 5_000)).rejects.toBeInstanceOf(NotFoundError);
      await expect(lease.fetchLease(s, 'op')).rejects.toBeInstanceOf(NotFoundError);
      expect(await lease.findLease(s, 'op')).toBeUndefined();
      await lease.grantLease(s, 'op', 1_000);
      expect((await lease.fetchLease(s, 'op')).ttl).toEqual(new Date('2026-01-02T10:00:01Z'));
      expect(await lease.findLease(s, 'op')).toEqual({ operationId: 'op', ttl: new Date('2026-01-02T10:00:01Z') });
    });

    it('keeps a lease past its expiry until it is revoked', async () => {
      const s = aName();
      await lease.grantLease(s, 'op', 1_000);
      clock.advance(60_000);
      expect((await lease.fetchLease(s, 'op')).ttl).toEqual(new Date('2026-01-02T10:00:01Z'));
      await expect(lease.grantLease(s, 'op', 1_000)).rejects.toBeInstanceOf(AlreadyExistsError);
    });

    it('fetches the leases of several operations in the order asked, failing if any is missing', async () => {
      const s = aName();
      await lease.grantLease(s, 'a', 1_000);
      await lease.grantLease(s, 'b', 2_000);
      expect(await lease.fetchOperationsLease(s, ['b', 'a'])).toEqual([
        { operationId: 'b', ttl: new Date('2026-01-02T10:00:02Z') },
        { operationId: 'a', ttl: new Date('2026-01-02T10:00:01Z') },
      ]);
      expect(await lease.fetchOperationsLease(s, [])).toEqual([]);
      await expect(lease.fetchOperationsLease(s, ['a', 'other'])).rejects.toThrow(new NotFoundError('lease of operation other not found'));
    });

    it('keeps the leases of schedulers apart', async () => {
      const [s1, s2] = [aName(), aName()];
      await lease.grantLease(s1, 'op', 1_000);
      await lease.grantLease(s2, 'op', 9_000);
      await lease.revokeLease(s1, 'op');
      expect((await lease.fetchLease(s2, 'op')).ttl).toEqual(new Date('2026-01-02T10:00:09Z'));
    });
  });
}
