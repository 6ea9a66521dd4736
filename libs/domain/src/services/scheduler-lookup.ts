import type { Scheduler } from '../entities/scheduler';
import type { SchedulerCache } from '../ports/scheduler-cache.port';
import type { SchedulerStorage } from '../ports/scheduler-storage.port';

/** Active schedulers for hot paths: the Redis cache first, Postgres on a miss (then cached). */
export class SchedulerLookup {
  constructor(
    private readonly cache: SchedulerCache,
    private readonly storage: SchedulerStorage,
    private readonly ttlMs: number,
  ) {}

  /** The active scheduler; throws NotFoundError. */
  async get(name: string): Promise<Scheduler> {
    const cached = await this.cache.getScheduler(name).catch(() => undefined);
    if (cached) return cached;
    const scheduler = await this.storage.getScheduler(name);
    await this.cache.setScheduler(scheduler, this.ttlMs).catch(() => undefined);
    return scheduler;
  }

  /** Forgets the cached copy (after a change of the active version). */
  invalidate(name: string): Promise<void> {
    return this.cache.deleteScheduler(name);
  }
}
