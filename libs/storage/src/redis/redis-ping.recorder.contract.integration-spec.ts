import { aGameRoom, createTestRedis, pingRecorderContract, type TestRedis } from '@maestro/testing';
import { RedisInstanceStorage } from './redis-instance.storage';
import { RedisPingRecorder } from './redis-ping.recorder';
import { RedisRoomStorage } from './redis-room.storage';
import { RedisSchedulerCache } from './redis-scheduler.cache';

describe('RedisPingRecorder, the one-command PingRecorder adapter', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await createTestRedis();
  });

  afterAll(() => redis.cleanup());

  pingRecorderContract(() => ({
    recorder: new RedisPingRecorder(redis.client, redis.keyPrefix),
    rooms: new RedisRoomStorage(redis.client, redis.keyPrefix),
    instances: new RedisInstanceStorage(redis.client, redis.keyPrefix),
  }));

  it("answers the scheduler cache's generation read with the ping, as the cache itself reads it", async () => {
    const recorder = new RedisPingRecorder(redis.client, redis.keyPrefix);
    const cache = new RedisSchedulerCache(redis.client, redis.keyPrefix);
    await new RedisRoomStorage(redis.client, redis.keyPrefix).createRoom(aGameRoom({ id: 'r1', schedulerId: 'generations' }));
    const ping = { schedulerName: 'generations', roomId: 'r1', pingStatus: 'ready' as const, runningMatches: 0, metadata: {}, at: new Date() };
    expect((await recorder.record(ping)).schedulerCacheGeneration).toBe('0');
    await cache.invalidate('generations');
    const recorded = await recorder.record(ping);
    expect(recorded.schedulerCacheGeneration).toBe('1');
    expect(recorded.schedulerCacheGeneration).toBe((await cache.read('generations')).generation);
  });
});
