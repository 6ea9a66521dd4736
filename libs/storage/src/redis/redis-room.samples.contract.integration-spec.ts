import { createTestRedis, roomSamplesContract, type TestRedis } from '@maestro/testing';
import { RedisRoomSamples } from './redis-room.samples';

describe('RedisRoomSamples, the RoomSamples adapter', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await createTestRedis();
  });

  afterAll(() => redis.cleanup());

  roomSamplesContract((retentionMs) => new RedisRoomSamples(redis.client, redis.keyPrefix, retentionMs));

  it('lets a scheduler history expire a window after its last sample', async () => {
    const samples = new RedisRoomSamples(redis.client, redis.keyPrefix, 60_000);
    await samples.record('expiring', { at: new Date(), ready: 1, occupied: 0, pending: 0, terminating: 0, error: 0 });
    const ttl = await redis.client.pttl(`${redis.keyPrefix}scheduler:expiring:roomSamples`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
