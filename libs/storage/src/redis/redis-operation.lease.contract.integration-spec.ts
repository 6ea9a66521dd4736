import { createTestRedis, operationLeaseContract, type TestRedis } from '@maestro/testing';
import { RedisOperationLease } from './redis-operation.lease';

describe('RedisOperationLease, the OperationLease adapter', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await createTestRedis();
  });

  afterAll(() => redis.cleanup());

  operationLeaseContract((clock) => new RedisOperationLease(redis.client, redis.keyPrefix, () => clock.now()));
});
