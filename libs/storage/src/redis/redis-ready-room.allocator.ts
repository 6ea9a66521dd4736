import { type RoomAllocator, type TakenRoom, minuteOf, roomStatusToInt } from '@maestro/domain';
import type Redis from 'ioredis';
import { DecodedInstances } from './decoded-instances';
import { ALLOCATION_COUNT_TTL_SECONDS } from './redis-allocation.counter';
import { allocationCounterKeys, instanceKeys, type KeyPrefix, prefixOf, roomKeys, unixSeconds } from './redis-keys';
import { LuaScript } from './lua-script';

/**
 * Takes the ready room with the smallest id (as RedisRoomStorage.allocateRoom), counts the
 * allocation (as RedisAllocationCounter.record) and answers {room id, instance JSON or nil}.
 * KEYS: status set, room hash prefix, podMap, minute counter; ARGV: ready, allocated, now (unix s), counter TTL.
 */
const TAKE_READY_ROOM = new LuaScript(
  `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
if #ids == 0 then return false end
local id = ids[1]
redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
redis.call('HSET', KEYS[2] .. id, 'allocated_at', ARGV[3])
if redis.call('INCR', KEYS[4]) == 1 then redis.call('EXPIRE', KEYS[4], ARGV[4]) end
return {id, redis.call('HGET', KEYS[3], id)}`,
  4,
);

const READY = String(roomStatusToInt('ready'));
const ALLOCATED = String(roomStatusToInt('allocated'));

/**
 * RoomAllocator in one round trip, for rooms, instances and allocation counts on the same Redis
 * (the default; Storage falls back to StoreByStoreAllocator when their URLs differ).
 */
export class RedisReadyRoomAllocator implements RoomAllocator {
  private readonly rooms: ReturnType<typeof roomKeys>;
  private readonly instances: ReturnType<typeof instanceKeys>;
  private readonly counts: ReturnType<typeof allocationCounterKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
    /** Shared with the ping recorder: the instance of a room that pinged is not decoded again here. */
    private readonly decoded = new DecodedInstances(),
  ) {
    const prefix = prefixOf(keyPrefix);
    this.rooms = roomKeys(prefix);
    this.instances = instanceKeys(prefix);
    this.counts = allocationCounterKeys(prefix);
  }

  async take(schedulerName: string, at: Date): Promise<TakenRoom | undefined> {
    const reply = (await TAKE_READY_ROOM.run(this.redis, [
      this.rooms.statuses(schedulerName),
      this.rooms.room(schedulerName, ''),
      this.instances.podMap(schedulerName),
      this.counts.minute(schedulerName, minuteOf(at)),
      READY,
      ALLOCATED,
      unixSeconds(at),
      ALLOCATION_COUNT_TTL_SECONDS,
    ])) as [string, string | null] | null;
    if (!reply) return undefined;
    const [roomId, json] = reply;
    return { roomId, instance: json ? this.decoded.of(schedulerName, roomId, json) : undefined };
  }
}
