import { fromGoScheduler, toGoScheduler, type Scheduler, type SchedulerCache, type SchedulerCacheRead } from '@maestro/domain';
import type Redis from 'ioredis';
import { type KeyPrefix, prefixOf, schedulerCacheKeys } from './redis-keys';
import { INVALIDATE_SCHEDULER, READ_SCHEDULER, SET_SCHEDULER_IF_CURRENT } from './redis-scheduler-cache.scripts';

/**
 * SchedulerCache on `scheduler:<name>` holding the Go-shaped JSON of the scheduler, guarded by the
 * invalidation counter `scheduler:<name>:cacheGeneration`; each write is one script. A read that
 * knows a generation (every ping, through SchedulerLookup's memo) is a plain GET of the counter,
 * which Redis answers several times cheaper than a script; a read without one, or whose generation
 * moved, is the script that reads entry and generation together.
 */
export class RedisSchedulerCache implements SchedulerCache {
  private readonly keys: ReturnType<typeof schedulerCacheKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
  ) {
    this.keys = schedulerCacheKeys(prefixOf(keyPrefix));
  }

  async read(name: string, knownGeneration = ''): Promise<SchedulerCacheRead> {
    if (knownGeneration !== '') {
      const current = (await this.redis.get(this.keys.generation(name))) ?? '0';
      if (current === knownGeneration) return { generation: current, unchanged: true };
    }
    const [generation, json] = (await READ_SCHEDULER.run(this.redis, [...this.keysOf(name), knownGeneration])) as [string, (string | null)?];
    if (generation === knownGeneration) return { generation, unchanged: true };
    return { generation, unchanged: false, scheduler: json ? fromGoScheduler(JSON.parse(json) as Record<string, unknown>) : undefined };
  }

  async setScheduler(scheduler: Scheduler, ttlMs: number, generation: string): Promise<boolean> {
    const json = JSON.stringify(toGoScheduler(scheduler));
    return Number(await SET_SCHEDULER_IF_CURRENT.run(this.redis, [...this.keysOf(scheduler.name), generation, json, ttlMs])) === 1;
  }

  async invalidate(name: string): Promise<void> {
    await INVALIDATE_SCHEDULER.run(this.redis, this.keysOf(name));
  }

  private keysOf(name: string): [string, string] {
    return [this.keys.scheduler(name), this.keys.generation(name)];
  }
}
