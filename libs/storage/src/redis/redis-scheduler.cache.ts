import { fromGoScheduler, toGoScheduler, type Scheduler, type SchedulerCache, type SchedulerCacheRead } from '@maestro/domain';
import type Redis from 'ioredis';
import { type KeyPrefix, prefixOf, schedulerCacheKeys } from './redis-keys';
import { INVALIDATE_SCHEDULER, READ_SCHEDULER, SET_SCHEDULER_IF_CURRENT } from './redis-scheduler-cache.scripts';

/**
 * SchedulerCache on `scheduler:<name>` holding the Go-shaped JSON of the scheduler, guarded by the
 * invalidation counter `scheduler:<name>:cacheGeneration`; each call is one script, one round trip.
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
