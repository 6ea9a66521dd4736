import { createTestRedis, type TestRedis, waitFor } from '@maestro/testing';
import { RedisOperationCancellation } from './redis-operation.cancellation';

describe('RedisOperationCancellation', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await createTestRedis();
  });

  afterAll(() => redis.cleanup());

  it("broadcasts requests to every subscriber with Maestro's JSON payload", async () => {
    const cancellation = new RedisOperationCancellation(redis.client, redis.keyPrefix);
    const raw: string[] = [];
    const listener = redis.client.duplicate();
    listener.on('message', (_channel: string, message: string) => raw.push(message));
    await listener.subscribe(`${redis.keyPrefix}scheduler:operation_cancellation_requests`);
    const first: unknown[] = [];
    const second: unknown[] = [];
    const unsubscribeFirst = await cancellation.subscribe((request) => first.push(request));
    const unsubscribeSecond = await cancellation.subscribe((request) => second.push(request));
    await cancellation.requestCancellation({ schedulerName: 's3', operationId: 'op' });
    await waitFor(() => first.length === 1 && second.length === 1 && raw.length === 1, { description: 'three deliveries' });
    expect(first).toEqual([{ schedulerName: 's3', operationId: 'op' }]);
    expect(JSON.parse(raw[0])).toEqual({ schedulerName: 's3', operationID: 'op' });
    await unsubscribeFirst();
    await unsubscribeSecond();
    listener.disconnect();
  });

  it('ignores malformed requests and stops delivering after unsubscribe', async () => {
    const cancellation = new RedisOperationCancellation(redis.client, redis.keyPrefix);
    const heard: string[] = [];
    const unsubscribe = await cancellation.subscribe((request) => heard.push(request.operationId));
    const channel = `${redis.keyPrefix}scheduler:operation_cancellation_requests`;
    await redis.client.publish(channel, 'not json');
    await redis.client.publish(channel, '{"schedulerName":"s"}');
    await cancellation.requestCancellation({ schedulerName: 's', operationId: 'last' });
    await waitFor(() => heard.length > 0, { description: 'the valid request' });
    expect(heard).toEqual(['last']);
    await unsubscribe();
    await cancellation.requestCancellation({ schedulerName: 's', operationId: 'after' });
    expect(await redis.client.publish(channel, 'probe')).toBe(0);
    expect(heard).toEqual(['last']);
  });
});
