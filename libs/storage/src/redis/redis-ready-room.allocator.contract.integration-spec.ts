import { createTestRedis, roomAllocatorContract, type TestRedis } from '@maestro/testing';
import { RedisAllocationCounter } from './redis-allocation.counter';
import { RedisInstanceStorage } from './redis-instance.storage';
import { RedisReadyRoomAllocator } from './redis-ready-room.allocator';
import { RedisRoomStorage } from './redis-room.storage';

describe('RedisReadyRoomAllocator, the one-script RoomAllocator adapter', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await createTestRedis();
  });

  afterAll(() => redis.cleanup());

  roomAllocatorContract(() => ({
    allocator: new RedisReadyRoomAllocator(redis.client, redis.keyPrefix),
    rooms: new RedisRoomStorage(redis.client, redis.keyPrefix),
    instances: new RedisInstanceStorage(redis.client, redis.keyPrefix),
    allocations: new RedisAllocationCounter(redis.client, redis.keyPrefix),
  }));

  it("lets the minute's count expire as RedisAllocationCounter does", async () => {
    const rooms = new RedisRoomStorage(redis.client, redis.keyPrefix);
    const at = new Date();
    await rooms.createRoom({
      id: 'r1',
      schedulerId: 'ttl',
      version: 'v1',
      status: 'ready',
      pingStatus: 'ready',
      metadata: null,
      lastPingAt: at,
      isValidationRoom: false,
      runningMatches: 0,
      createdAt: at,
    });
    await new RedisReadyRoomAllocator(redis.client, redis.keyPrefix).take('ttl', at);
    const ttl = await redis.client.ttl(`${redis.keyPrefix}scheduler:ttl:allocations:${Math.floor(at.getTime() / 60_000)}`);
    expect(ttl).toBeGreaterThan(600);
    expect(ttl).toBeLessThanOrEqual(660);
  });
});
