import { createTestRedis, schedulerLockContract, type TestRedis } from '@maestro/testing';
import { RedisSchedulerLock } from './redis-scheduler.lock';

describe('RedisSchedulerLock, the SchedulerLock adapter', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await createTestRedis();
  });

  afterAll(() => redis.cleanup());

  // Redis expires its keys on the wall clock: the contract waits for what it expects to expire.
  schedulerLockContract(() => new RedisSchedulerLock(redis.client, redis.keyPrefix));
});
