import type { PingRecorder, RecordedPing, RoomPing } from '@maestro/domain';
import type Redis from 'ioredis';
import { DecodedInstances } from './decoded-instances';
import { instanceKeys, type KeyPrefix, prefixOf, roomKeys, schedulerCacheKeys } from './redis-keys';
import { RECORD_PING_WITH_INSTANCE } from './redis-room.scripts';
import { type PingReply, pingKeysAndArgs, roomOfPingReply } from './redis-room.storage';

/**
 * PingRecorder in one command: RedisRoomStorage's ping script, answering the instance JSON and the
 * scheduler cache's generation as well. For rooms, instances and the scheduler cache on the same
 * Redis (the default; Storage falls back to StoreByStorePingRecorder when their URLs differ). A
 * room's instance is read at every ping and decoded through {@link DecodedInstances}.
 */
export class RedisPingRecorder implements PingRecorder {
  private readonly rooms: ReturnType<typeof roomKeys>;
  private readonly instances: ReturnType<typeof instanceKeys>;
  private readonly cache: ReturnType<typeof schedulerCacheKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
    private readonly decoded = new DecodedInstances(),
  ) {
    const prefix = prefixOf(keyPrefix);
    this.rooms = roomKeys(prefix);
    this.instances = instanceKeys(prefix);
    this.cache = schedulerCacheKeys(prefix);
  }

  async record(ping: RoomPing): Promise<RecordedPing> {
    const s = ping.schedulerName;
    const args = pingKeysAndArgs(this.rooms, ping, this.instances.podMap(s), this.cache.generation(s));
    const reply = (await RECORD_PING_WITH_INSTANCE.run(this.redis, args)) as PingReply | null;
    const room = roomOfPingReply(ping, reply);
    const json = reply?.[2];
    const generation = reply?.[3];
    const recorded: RecordedPing = { room, instance: typeof json === 'string' ? this.decoded.of(s, ping.roomId, json) : undefined };
    if (typeof generation === 'string') recorded.schedulerCacheGeneration = generation;
    return recorded;
  }
}
