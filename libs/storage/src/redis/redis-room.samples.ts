import type { RoomSample, RoomSamples } from '@maestro/domain';
import type Redis from 'ioredis';
import { LuaScript } from './lua-script';
import { type KeyPrefix, prefixOf, roomSampleKeys } from './redis-keys';

/**
 * Adds the sample (score = its time in ms), drops the members older than the window behind the newest
 * one and lets the key expire a window after its last write (a deleted scheduler's history goes too).
 */
const RECORD = new LuaScript(
  `redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
local newest = redis.call('ZREVRANGE', KEYS[1], 0, 0, 'WITHSCORES')
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (tonumber(newest[2]) - tonumber(ARGV[3])))
return redis.call('PEXPIRE', KEYS[1], ARGV[3])`,
  1,
);

/** A sample as a sorted-set member: its time first, so that equal counts at two times stay two members. */
const encode = (s: RoomSample): string => JSON.stringify([s.at.getTime(), s.ready, s.occupied, s.pending, s.terminating, s.error]);

function decode(member: string): RoomSample {
  const [at, ready, occupied, pending, terminating, error] = JSON.parse(member) as number[];
  return { at: new Date(at), ready, occupied, pending, terminating, error };
}

/** RoomSamples on one sorted set per scheduler (not in Maestro), bounded to `retentionMs`. */
export class RedisRoomSamples implements RoomSamples {
  private readonly keys: ReturnType<typeof roomSampleKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
    private readonly retentionMs = 24 * 60 * 60_000,
  ) {
    this.keys = roomSampleKeys(prefixOf(keyPrefix));
  }

  async record(schedulerName: string, sample: RoomSample): Promise<void> {
    await RECORD.run(this.redis, [this.keys.samples(schedulerName), String(sample.at.getTime()), encode(sample), String(this.retentionMs)]);
  }

  async list(schedulerName: string, since: Date): Promise<RoomSample[]> {
    const members = await this.redis.zrangebyscore(this.keys.samples(schedulerName), since.getTime(), '+inf');
    return members.map(decode);
  }
}
