import { fromGoScheduler, toGoScheduler, type Scheduler, type SchedulerCache } from '@maestro/domain';
import type Redis from 'ioredis';
import { type KeyPrefix, prefixOf, schedulerCacheKeys } from './redis-keys';

/** SchedulerCache on `scheduler:<name>` holding the Go-shaped JSON of the scheduler. */
export class RedisSchedulerCache implements SchedulerCache {
  private readonly keys: ReturnType<typeof schedulerCacheKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
  ) {
    this.keys = schedulerCacheKeys(prefixOf(keyPrefix));
  }

  async getScheduler(name: string): Promise<Scheduler | undefined> {
    const json = await this.redis.get(this.keys.scheduler(name));
    return json ? fromGoScheduler(JSON.parse(json) as Record<string, unknown>) : undefined;
  }

  async setScheduler(scheduler: Scheduler, ttlMs: number): Promise<void> {
    await this.redis.set(this.keys.scheduler(scheduler.name), JSON.stringify(toGoScheduler(scheduler)), 'PX', ttlMs);
  }

  async deleteScheduler(name: string): Promise<void> {
    await this.redis.del(this.keys.scheduler(name));
  }
}
