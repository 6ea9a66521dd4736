import { createTestRedis, operationStorageContract, type TestRedis } from '@maestro/testing';
import { RedisOperationStorage } from './redis-operation.storage';

describe('RedisOperationStorage, the OperationStorage adapter', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await createTestRedis();
  });

  afterAll(() => redis.cleanup());

  operationStorageContract((clock) => new RedisOperationStorage(redis.client, redis.keyPrefix, () => clock.now()));
});
