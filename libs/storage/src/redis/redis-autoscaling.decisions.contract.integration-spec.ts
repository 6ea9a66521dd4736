import { aDecision, autoscalingDecisionsContract, createTestRedis, type TestRedis } from '@maestro/testing';
import { RedisAutoscalingDecisions } from './redis-autoscaling.decisions';

describe('RedisAutoscalingDecisions, the AutoscalingDecisions adapter', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await createTestRedis();
  });

  afterAll(() => redis.cleanup());

  autoscalingDecisionsContract((capacity) => new RedisAutoscalingDecisions(redis.client, redis.keyPrefix, capacity));

  it('lets a scheduler decisions expire a window after the last one', async () => {
    const decisions = new RedisAutoscalingDecisions(redis.client, redis.keyPrefix, 10, 60_000);
    await decisions.record('expiring', aDecision(1));
    const ttl = await redis.client.pttl(`${redis.keyPrefix}scheduler:expiring:autoscalingDecisions`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
