import { fromGoScheduler, toGoScheduler, type Scheduler, type SchedulerCache } from '@maestro/domain';
import type Redis from 'ioredis';
import type { RedisKeys } from './redis-keys';

/** SchedulerCache on `scheduler:<name>` holding the Go-shaped JSON of the scheduler. */
export class RedisSchedulerCache implements SchedulerCache {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async getScheduler(name: string): Promise<Scheduler | undefined> {
    const json = await this.redis.get(this.keys.schedulerCache(name));
    return json ? fromGoScheduler(JSON.parse(json) as Record<string, unknown>) : undefined;
  }

  async setScheduler(scheduler: Scheduler, ttlMs: number): Promise<void> {
    await this.redis.set(this.keys.schedulerCache(scheduler.name), JSON.stringify(toGoScheduler(scheduler)), 'PX', ttlMs);
  }

  async deleteScheduler(name: string): Promise<void> {
    await this.redis.del(this.keys.schedulerCache(name));
  }
}
