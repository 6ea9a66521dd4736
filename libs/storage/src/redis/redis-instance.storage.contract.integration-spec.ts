import { createTestRedis, instanceStorageContract, type TestRedis } from '@maestro/testing';
import { RedisInstanceStorage } from './redis-instance.storage';

describe('RedisInstanceStorage, the InstanceStorage adapter', () => {
  let redis: TestRedis;
  let instances: RedisInstanceStorage;

  beforeAll(async () => {
    redis = await createTestRedis();
    instances = new RedisInstanceStorage(redis.client, redis.keyPrefix);
  });

  afterAll(() => redis.cleanup());

  instanceStorageContract(() => instances);
});
