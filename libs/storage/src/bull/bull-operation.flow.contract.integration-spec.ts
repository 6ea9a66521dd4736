import { createTestRedis, operationFlowContract, type TestRedis } from '@maestro/testing';
import { BullOperationFlow } from './bull-operation.flow';

describe('BullOperationFlow, the OperationFlow and OperationConsumer adapter', () => {
  let redis: TestRedis;
  let flow: BullOperationFlow;

  beforeAll(async () => {
    redis = await createTestRedis();
    flow = new BullOperationFlow({ redisUrl: redis.url, keyPrefix: redis.keyPrefix });
  });

  afterAll(async () => {
    await flow.close();
    await redis.cleanup();
  });

  operationFlowContract(() => flow);
});
