import { createTestRedis, type TestRedis, waitFor } from '@maestro/testing';
import { RedisKeys } from '../redis/redis-keys';
import { RedisOperationCancellation } from '../redis/redis-operation.cancellation';
import { BullOperationFlow } from './bull-operation.flow';

describe('BullOperationFlow', () => {
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

  it('lists pending ids in delivery order: priority ids first', async () => {
    await flow.insertOperationId('s1', 'a');
    await flow.insertOperationId('s1', 'b');
    await flow.insertPriorityOperationId('s1', 'p');
    expect(await flow.listPendingOperationIds('s1')).toEqual(['p', 'a', 'b']);
    await flow.removeOperationId('s1', 'a');
    expect(await flow.listPendingOperationIds('s1')).toEqual(['p', 'b']);
    expect(await flow.listPendingOperationIds('other')).toEqual([]);
  });

  it('delivers a scheduler queue one operation at a time, in order', async () => {
    const delivered: string[] = [];
    let running = 0;
    let overlapped = false;
    for (const id of ['x1', 'x2', 'x3']) await flow.insertOperationId('s2', id);
    await flow.insertPriorityOperationId('s2', 'first');
    flow.consume('s2', async (id) => {
      running += 1;
      overlapped ||= running > 1;
      await new Promise((resolve) => setImmediate(resolve));
      delivered.push(id);
      running -= 1;
    });
    await waitFor(() => delivered.length === 4, { description: 'four deliveries' });
    expect(delivered).toEqual(['first', 'x1', 'x2', 'x3']);
    expect(overlapped).toBe(false);
  });

  it('broadcasts cancellation requests with Maestro payload', async () => {
    const cancellation = new RedisOperationCancellation(redis.client, new RedisKeys(redis.keyPrefix));
    const heard: unknown[] = [];
    const unsubscribe = await cancellation.subscribe((request) => heard.push(request));
    await cancellation.requestCancellation({ schedulerName: 's3', operationId: 'op' });
    await waitFor(() => heard.length === 1);
    expect(heard).toEqual([{ schedulerName: 's3', operationId: 'op' }]);
    await unsubscribe();
  });
});
