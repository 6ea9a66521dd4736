import type { Scheduler } from '../entities/scheduler';
import type { SchedulerCache } from '../ports/scheduler-cache.port';
import type { SchedulerStorage } from '../ports/scheduler-storage.port';

/**
 * Active schedulers for hot paths: a short in-process memo, then the Redis cache, then Postgres
 * (whose answer is cached in Redis). Pings never reach Postgres while the cache is warm.
 */
export class SchedulerLookup {
  private readonly memo = new Map<string, { scheduler: Scheduler; until: number }>();

  constructor(
    private readonly cache: SchedulerCache,
    private readonly storage: SchedulerStorage,
    private readonly ttlMs: number,
    /** How long this process reuses a scheduler without asking Redis (0 disables). */
    private readonly memoMs = 0,
  ) {}

  /** The active scheduler; throws NotFoundError. */
  async get(name: string): Promise<Scheduler> {
    const memo = this.memo.get(name);
    if (memo && memo.until > Date.now()) return memo.scheduler;
    const scheduler = (await this.cache.getScheduler(name).catch(() => undefined)) ?? (await this.fromStorage(name));
    if (this.memoMs > 0) this.memo.set(name, { scheduler, until: Date.now() + this.memoMs });
    return scheduler;
  }

  /** Forgets the cached copies (after a change of the active version). */
  invalidate(name: string): Promise<void> {
    this.memo.delete(name);
    return this.cache.deleteScheduler(name);
  }

  private async fromStorage(name: string): Promise<Scheduler> {
    const scheduler = await this.storage.getScheduler(name);
    await this.cache.setScheduler(scheduler, this.ttlMs).catch(() => undefined);
    return scheduler;
  }
}
