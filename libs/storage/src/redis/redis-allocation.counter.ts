import { ALLOCATION_COUNTER_MINUTES, type AllocationCounter, minuteOf } from '@maestro/domain';
import type Redis from 'ioredis';
import { LuaScript } from './lua-script';
import { allocationCounterKeys, type KeyPrefix, prefixOf } from './redis-keys';

/** Counts one allocation and lets the minute's key expire: one command on the allocation path. */
const RECORD = new LuaScript(
  `local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count`,
  1,
);

/** A minute's key lives this long after its first allocation: the counted window plus the minute itself. */
export const ALLOCATION_COUNT_TTL_SECONDS = (ALLOCATION_COUNTER_MINUTES + 1) * 60;

/** AllocationCounter on one expiring counter per scheduler and minute (not in Maestro). */
export class RedisAllocationCounter implements AllocationCounter {
  private readonly keys: ReturnType<typeof allocationCounterKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
  ) {
    this.keys = allocationCounterKeys(prefixOf(keyPrefix));
  }

  async record(schedulerName: string, at: Date): Promise<void> {
    await RECORD.run(this.redis, [this.keys.minute(schedulerName, minuteOf(at)), ALLOCATION_COUNT_TTL_SECONDS]);
  }

  async recent(schedulerName: string, now: Date, minutes: number): Promise<number[]> {
    const last = minuteOf(now);
    const keys = Array.from({ length: minutes }, (_, i) => this.keys.minute(schedulerName, last - minutes + 1 + i));
    const counts = await this.redis.mget(keys);
    return counts.map((count) => Number(count ?? 0));
  }
}
