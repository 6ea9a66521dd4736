import { createTestRedis, type TestRedis } from '@maestro/testing';
import { RedisSchedulerLock } from './redis-scheduler.lock';

describe('RedisSchedulerLock', () => {
  let redis: TestRedis;
  let lock: RedisSchedulerLock;

  beforeAll(async () => {
    redis = await createTestRedis();
    lock = new RedisSchedulerLock(redis.client, redis.keyPrefix);
  });

  afterAll(() => redis.cleanup());

  it('has one owner at a time; only the owner renews or releases it', async () => {
    expect(await lock.tryAcquire('s', 'worker-a', 5_000)).toBe(true);
    expect(await lock.tryAcquire('s', 'worker-b', 5_000)).toBe(false);
    expect(await lock.renew('s', 'worker-b', 5_000)).toBe(false);
    expect(await lock.renew('s', 'worker-a', 8_000)).toBe(true);
    expect(await redis.client.pttl(`${redis.keyPrefix}scheduler:s:executionLock`)).toBeGreaterThan(5_000);
    await lock.release('s', 'worker-b');
    expect(await lock.tryAcquire('s', 'worker-b', 5_000)).toBe(false);
    await lock.release('s', 'worker-a');
    expect(await lock.tryAcquire('s', 'worker-b', 5_000)).toBe(true);
  });

  it('gives a periodic task to one claimer per period', async () => {
    expect(await lock.claimPeriod('s', 'health_controller', 'worker-a', 200)).toBe(true);
    expect(await lock.claimPeriod('s', 'health_controller', 'worker-b', 200)).toBe(false);
    expect(await lock.claimPeriod('s', 'health_controller', 'worker-a', 200)).toBe(false);
    expect(await lock.claimPeriod('s', 'storage_clean_up', 'worker-b', 200)).toBe(true);
    expect(await lock.claimPeriod('other', 'health_controller', 'worker-b', 200)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await lock.claimPeriod('s', 'health_controller', 'worker-b', 200)).toBe(true);
  });
});
