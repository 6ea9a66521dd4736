import { toGoScheduler } from '@maestro/domain';
import { aRoomOccupancyAutoscaling, aScheduler, createTestRedis, schedulerCacheContract, type TestRedis } from '@maestro/testing';
import { RedisSchedulerCache } from './redis-scheduler.cache';

describe('RedisSchedulerCache', () => {
  let redis: TestRedis;
  let cache: RedisSchedulerCache;

  beforeAll(async () => {
    redis = await createTestRedis();
    cache = new RedisSchedulerCache(redis.client, redis.keyPrefix);
  });

  afterAll(() => redis.cleanup());

  schedulerCacheContract(() => cache);

  it("caches the scheduler as Go-shaped JSON on Maestro's key for the given time", async () => {
    const scheduler = aScheduler().withName('cached').withAutoscaling(aRoomOccupancyAutoscaling()).withLabels({}).build();
    expect(await cache.setScheduler(scheduler, 120_000, (await cache.read('cached')).generation)).toBe(true);
    const key = `${redis.keyPrefix}scheduler:cached`;
    const ttl = await redis.client.pttl(key);
    expect(ttl).toBeGreaterThan(100_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
    const stored = JSON.parse((await redis.client.get(key)) ?? '{}') as Record<string, unknown>;
    expect(stored).toMatchObject({ Name: 'cached', Game: 'my-game', Spec: { Version: 'v1.0.0', TerminationGracePeriod: 100_000_000_000 } });
  });

  it('reads an entry Maestro wrote, and counts invalidations on a key without expiry', async () => {
    const scheduler = aScheduler().withName('written-by-maestro').build();
    const key = `${redis.keyPrefix}scheduler:written-by-maestro`;
    await redis.client.set(key, JSON.stringify(toGoScheduler(scheduler)), 'PX', 60_000);
    expect(await cache.read('written-by-maestro')).toEqual({ generation: '0', unchanged: false, scheduler });
    await cache.invalidate('written-by-maestro');
    await cache.invalidate('written-by-maestro');
    expect(await redis.client.exists(key)).toBe(0);
    expect(await redis.client.get(`${key}:cacheGeneration`)).toBe('2');
    expect(await redis.client.pttl(`${key}:cacheGeneration`)).toBe(-1);
  });
});
