import { createTestRedis, roomStorageContract, type TestRedis } from '@maestro/testing';
import { RedisRoomStorage } from './redis-room.storage';

describe('RedisRoomStorage, the RoomStorage adapter', () => {
  let redis: TestRedis;
  let rooms: RedisRoomStorage;

  beforeAll(async () => {
    redis = await createTestRedis();
    rooms = new RedisRoomStorage(redis.client, redis.keyPrefix);
  });

  afterAll(() => redis.cleanup());

  roomStorageContract(() => rooms);
});
