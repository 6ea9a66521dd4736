import { createTestRedis, operationCancellationContract, type TestRedis } from '@maestro/testing';
import { RedisOperationCancellation } from './redis-operation.cancellation';

describe('RedisOperationCancellation, the OperationCancellation adapter', () => {
  let redis: TestRedis;
  let cancellation: RedisOperationCancellation;

  beforeAll(async () => {
    redis = await createTestRedis();
    cancellation = new RedisOperationCancellation(redis.client, redis.keyPrefix);
  });

  afterAll(() => redis.cleanup());

  operationCancellationContract(() => cancellation);
});
