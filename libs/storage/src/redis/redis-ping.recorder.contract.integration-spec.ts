import { createTestRedis, pingRecorderContract, type TestRedis } from '@maestro/testing';
import { RedisInstanceStorage } from './redis-instance.storage';
import { RedisPingRecorder } from './redis-ping.recorder';
import { RedisRoomStorage } from './redis-room.storage';

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
});
