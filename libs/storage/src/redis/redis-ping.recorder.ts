import { type Instance, PerRoomMemo, type PingRecorder, type RecordedPing, type RoomPing } from '@maestro/domain';
import type Redis from 'ioredis';
import { instanceFromJson } from './instance-json.codec';
import { instanceKeys, type KeyPrefix, prefixOf, roomKeys, schedulerCacheKeys } from './redis-keys';
import { RECORD_PING_WITH_INSTANCE } from './redis-room.scripts';
import { type PingReply, pingKeysAndArgs, roomOfPingReply } from './redis-room.storage';

/**
 * PingRecorder in one command: RedisRoomStorage's ping script, answering the instance JSON and the
 * scheduler cache's generation as well. For rooms, instances and the scheduler cache on the same
 * Redis (the default; Storage falls back to StoreByStorePingRecorder when their URLs differ). A
 * room's instance changes seldom and is read at every ping: it is decoded again only when its JSON
 * changed, and answered frozen, shared by pings.
 */
export class RedisPingRecorder implements PingRecorder {
  private readonly rooms: ReturnType<typeof roomKeys>;
  private readonly instances: ReturnType<typeof instanceKeys>;
  private readonly cache: ReturnType<typeof schedulerCacheKeys>;
  private readonly decoded = new PerRoomMemo<{ json: string; instance: Instance }>();

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
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
    const json = reply?.[4];
    const generation = reply?.[5];
    const recorded: RecordedPing = { room, instance: typeof json === 'string' ? this.instanceOf(ping, json) : undefined };
    if (typeof generation === 'string') recorded.schedulerCacheGeneration = generation;
    return recorded;
  }

  private instanceOf({ schedulerName, roomId }: RoomPing, json: string): Instance {
    const known = this.decoded.get(schedulerName, roomId);
    if (known?.json === json) return known.instance;
    const instance = frozen(instanceFromJson(json));
    this.decoded.set(schedulerName, roomId, { json, instance });
    return instance;
  }
}

/** The instance and everything in it made read-only: a caller that would change a shared copy fails at once. */
function frozen(instance: Instance): Instance {
  Object.freeze(instance.status);
  if (instance.address) {
    for (const port of instance.address.ports) Object.freeze(port);
    Object.freeze(instance.address.ports);
    Object.freeze(instance.address);
  }
  return Object.freeze(instance);
}
