import { AlreadyExistsError, NotFoundError } from '@maestro/domain';
import { anOperation, createTestRedis, type TestRedis } from '@maestro/testing';
import { RedisKeys } from './redis-keys';
import { RedisOperationLease } from './redis-operation.lease';
import { RedisOperationStorage } from './redis-operation.storage';

describe('RedisOperationStorage and RedisOperationLease', () => {
  let redis: TestRedis;
  let storage: RedisOperationStorage;
  let lease: RedisOperationLease;
  let clock = new Date('2026-01-02T10:00:00Z');

  beforeAll(async () => {
    redis = await createTestRedis();
    const keys = new RedisKeys(redis.keyPrefix);
    storage = new RedisOperationStorage(redis.client, keys, () => clock);
    lease = new RedisOperationLease(redis.client, keys, () => clock);
  });

  afterAll(() => redis.cleanup());

  it('stores an operation and moves it between the active and history lists', async () => {
    const op = anOperation({ id: 'op-1', schedulerName: 's1' });
    await storage.createOperation(op);
    expect(await storage.getOperation('s1', 'op-1')).toEqual(op);
    await storage.updateOperationStatus({ ...op, status: 'in_progress' });
    expect((await storage.listActiveOperations('s1')).map((o) => o.id)).toEqual(['op-1']);
    await storage.appendExecutionHistory('s1', 'op-1', 'Starting operation', clock);
    await storage.updateOperationStatus({ ...op, status: 'finished' });
    expect(await storage.listActiveOperations('s1')).toEqual([]);
    const { operations, total } = await storage.listFinishedOperations('s1', { page: 1, perPage: 15, sortOrder: 'desc' });
    expect(total).toBe(1);
    expect(operations[0].status).toBe('finished');
    expect(operations[0].executionHistory.map((e) => e.event)).toEqual(['Created', 'Starting operation']);
  });

  it('writes a status only if the stored one is the expected one', async () => {
    const op = anOperation({ id: 'op-2', schedulerName: 's1' });
    await storage.createOperation(op);
    expect(await storage.updateOperationStatus({ ...op, status: 'canceled' }, { expected: 'pending' })).toBe(true);
    expect(await storage.updateOperationStatus({ ...op, status: 'in_progress' }, { expected: 'pending' })).toBe(false);
    expect((await storage.getOperation('s1', 'op-2')).status).toBe('canceled');
  });

  it('hides no-action operations from the final listing and pages by finish time', async () => {
    for (const [i, noAction] of [[1, false], [2, true], [3, false], [4, false]] as const) {
      clock = new Date(Date.UTC(2026, 0, 3, 0, 0, i));
      const op = anOperation({ id: `p-${i}`, schedulerName: 's2', createdAt: clock });
      await storage.createOperation(op);
      await storage.updateOperationStatus({ ...op, status: 'finished' }, { noAction });
    }
    const first = await storage.listFinishedOperations('s2', { page: 1, perPage: 2, sortOrder: 'desc' });
    expect(first.total).toBe(3);
    expect(first.operations.map((o) => o.id)).toEqual(['p-4', 'p-3']);
    const second = await storage.listFinishedOperations('s2', { page: 2, perPage: 2, sortOrder: 'desc' });
    expect(second.operations.map((o) => o.id)).toEqual(['p-1']);
  });

  it('forgets ids of expired operations on clean-up', async () => {
    const op = anOperation({ id: 'short', schedulerName: 's3' });
    await storage.createOperation(op, 60_000);
    await storage.updateOperationStatus({ ...op, status: 'finished' });
    await redis.client.del(`${redis.keyPrefix}operations:s3:short`);
    await storage.cleanExpiredOperations('s3');
    expect((await storage.listFinishedOperations('s3', { page: 1, perPage: 15, sortOrder: 'desc' })).total).toBe(0);
  });

  it('expires short-lived operation records', async () => {
    await storage.createOperation(anOperation({ id: 'ttl', schedulerName: 's4' }), 5_000);
    const ttl = await redis.client.pttl(`${redis.keyPrefix}operations:s4:ttl`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });

  it('grants one lease per operation, renews and revokes it', async () => {
    clock = new Date('2026-01-02T10:00:00Z');
    await lease.grantLease('s5', 'op', 5_000);
    await expect(lease.grantLease('s5', 'op', 5_000)).rejects.toBeInstanceOf(AlreadyExistsError);
    expect((await lease.fetchLease('s5', 'op')).ttl).toEqual(new Date('2026-01-02T10:00:05Z'));
    await lease.renewLease('s5', 'op', 5_000);
    expect((await lease.fetchLease('s5', 'op')).ttl).toEqual(new Date('2026-01-02T10:00:10Z'));
    await expect(lease.fetchOperationsLease('s5', ['op', 'other'])).rejects.toBeInstanceOf(NotFoundError);
    await lease.revokeLease('s5', 'op');
    await expect(lease.revokeLease('s5', 'op')).rejects.toBeInstanceOf(NotFoundError);
    await expect(lease.renewLease('s5', 'op', 5_000)).rejects.toBeInstanceOf(NotFoundError);
  });
});
