import { allocationCounterContract, createTestRedis, type TestRedis } from '@maestro/testing';
import { RedisAllocationCounter } from './redis-allocation.counter';

describe('RedisAllocationCounter, the AllocationCounter adapter', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await createTestRedis();
  });

  afterAll(() => redis.cleanup());

  allocationCounterContract(() => new RedisAllocationCounter(redis.client, redis.keyPrefix));

  it("lets a minute's count expire after the counted window", async () => {
    const counter = new RedisAllocationCounter(redis.client, redis.keyPrefix);
    const at = new Date();
    await counter.record('expiring', at);
    await counter.record('expiring', at);
    const ttl = await redis.client.ttl(`${redis.keyPrefix}scheduler:expiring:allocations:${Math.floor(at.getTime() / 60_000)}`);
    expect(ttl).toBeGreaterThan(600);
    expect(ttl).toBeLessThanOrEqual(660);
  });
});
