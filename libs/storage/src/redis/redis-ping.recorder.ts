import type { PingRecorder, RecordedPing, RoomPing } from '@maestro/domain';
import type Redis from 'ioredis';
import { instanceFromJson } from './instance-json.codec';
import { instanceKeys, type KeyPrefix, prefixOf, roomKeys } from './redis-keys';
import { RECORD_PING_WITH_INSTANCE } from './redis-room.scripts';
import { type PingReply, pingKeysAndArgs, roomOfPingReply } from './redis-room.storage';

/**
 * PingRecorder in one command: RedisRoomStorage's ping script, answering the instance JSON as well.
 * For rooms and instances on the same Redis (the default; Storage falls back to
 * StoreByStorePingRecorder when their URLs differ).
 */
export class RedisPingRecorder implements PingRecorder {
  private readonly rooms: ReturnType<typeof roomKeys>;
  private readonly instances: ReturnType<typeof instanceKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
  ) {
    const prefix = prefixOf(keyPrefix);
    this.rooms = roomKeys(prefix);
    this.instances = instanceKeys(prefix);
  }

  async record(ping: RoomPing): Promise<RecordedPing> {
    const args = pingKeysAndArgs(this.rooms, ping, this.instances.podMap(ping.schedulerName));
    const reply = (await RECORD_PING_WITH_INSTANCE.run(this.redis, args)) as PingReply | null;
    const room = roomOfPingReply(ping, reply);
    const json = reply?.[4];
    return { room, instance: typeof json === 'string' ? instanceFromJson(json) : undefined };
  }
}
