import { aRoomOccupancyAutoscaling, aScheduler, createTestRedis, type TestRedis } from '@maestro/testing';
import { RedisSchedulerCache } from './redis-scheduler.cache';

describe('RedisSchedulerCache', () => {
  let redis: TestRedis;
  let cache: RedisSchedulerCache;

  beforeAll(async () => {
    redis = await createTestRedis();
    cache = new RedisSchedulerCache(redis.client, redis.keyPrefix);
  });

  afterAll(() => redis.cleanup());

  it('caches the scheduler as Go-shaped JSON for the given time and reads it back', async () => {
    const scheduler = aScheduler().withName('cached').withAutoscaling(aRoomOccupancyAutoscaling()).withLabels({}).build();
    await cache.setScheduler(scheduler, 120_000);
    expect(await cache.getScheduler('cached')).toEqual(scheduler);
    const key = `${redis.keyPrefix}scheduler:cached`;
    const ttl = await redis.client.pttl(key);
    expect(ttl).toBeGreaterThan(100_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
    const stored = JSON.parse((await redis.client.get(key)) ?? '{}') as Record<string, unknown>;
    expect(stored).toMatchObject({ Name: 'cached', Game: 'my-game', Spec: { Version: 'v1.0.0', TerminationGracePeriod: 100_000_000_000 } });
  });

  it('misses unknown schedulers and forgets deleted ones', async () => {
    expect(await cache.getScheduler('unknown')).toBeUndefined();
    await cache.setScheduler(aScheduler().withName('dropped').build(), 60_000);
    await cache.deleteScheduler('dropped');
    expect(await cache.getScheduler('dropped')).toBeUndefined();
    await expect(cache.deleteScheduler('dropped')).resolves.toBeUndefined();
  });
});
