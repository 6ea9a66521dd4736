import { AlreadyExistsError, NotFoundError } from '@maestro/domain';
import { createTestRedis, type TestRedis } from '@maestro/testing';
import { RedisOperationLease } from './redis-operation.lease';

describe('RedisOperationLease', () => {
  let redis: TestRedis;
  let lease: RedisOperationLease;
  let clock = new Date('2026-01-02T10:00:00Z');

  beforeAll(async () => {
    redis = await createTestRedis();
    lease = new RedisOperationLease(redis.client, redis.keyPrefix, () => clock);
  });

  afterAll(() => redis.cleanup());

  it('grants one lease per operation, renews it to now + ttl and revokes it', async () => {
    await lease.grantLease('s5', 'op', 5_000);
    expect(await redis.client.zscore(`${redis.keyPrefix}operations:s5:operationsLease`, 'op')).toBe('1767348005');
    await expect(lease.grantLease('s5', 'op', 5_000)).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await lease.fetchLease('s5', 'op')).toEqual({ operationId: 'op', ttl: new Date('2026-01-02T10:00:05Z') });
    clock = new Date('2026-01-02T10:00:02Z');
    await lease.renewLease('s5', 'op', 5_000);
    expect((await lease.fetchLease('s5', 'op')).ttl).toEqual(new Date('2026-01-02T10:00:07Z'));
    clock = new Date('2026-01-02T10:00:00Z');
    await lease.revokeLease('s5', 'op');
    await expect(lease.revokeLease('s5', 'op')).rejects.toBeInstanceOf(NotFoundError);
    await expect(lease.renewLease('s5', 'op', 5_000)).rejects.toBeInstanceOf(NotFoundError);
    await expect(lease.fetchLease('s5', 'op')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('renews to an absolute expiry: a missed renewal does not leave the lease expired for good', async () => {
    clock = new Date('2026-01-02T11:00:00Z');
    await lease.grantLease('drift', 'op', 5_000);
    // The renewal due at 11:00:05 did not happen (a Redis blip); the next one comes at 11:00:10.
    clock = new Date('2026-01-02T11:00:10Z');
    await lease.renewLease('drift', 'op', 5_000);
    expect((await lease.fetchLease('drift', 'op')).ttl).toEqual(new Date('2026-01-02T11:00:15Z'));
    clock = new Date('2026-01-02T10:00:00Z');
  });

  it('fetches the leases of several operations, failing if any is missing', async () => {
    await lease.grantLease('s6', 'a', 1_000);
    await lease.grantLease('s6', 'b', 2_000);
    expect(await lease.fetchOperationsLease('s6', ['b', 'a'])).toEqual([
      { operationId: 'b', ttl: new Date('2026-01-02T10:00:02Z') },
      { operationId: 'a', ttl: new Date('2026-01-02T10:00:01Z') },
    ]);
    expect(await lease.fetchOperationsLease('s6', [])).toEqual([]);
    await expect(lease.fetchOperationsLease('s6', ['a', 'other'])).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists the leases that expired before a time', async () => {
    clock = new Date('2026-01-02T11:00:00Z');
    await lease.grantLease('s7', 'dead', 1_000);
    await lease.grantLease('s7', 'alive', 60_000);
    expect(await lease.listExpiredLeases('s7', new Date('2026-01-02T11:00:30Z'))).toEqual(['dead']);
  });
});
