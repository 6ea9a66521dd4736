import { type Clock, type Scheduler, type SchedulerCache, type SchedulerCacheRead, systemClock } from '@maestro/domain';

/**
 * SchedulerCache in memory for domain unit tests: the same contract as the Redis adapter
 * (schedulerCacheContract), entries copied in and out as the JSON round trip would, expiring on
 * `clock` time.
 */
export class InMemorySchedulerCache implements SchedulerCache {
  private readonly entries = new Map<string, { scheduler: Scheduler; expiresAt: number }>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly clock: Clock = systemClock) {}

  async read(name: string, knownGeneration?: string): Promise<SchedulerCacheRead> {
    const generation = this.generationOf(name);
    if (generation === knownGeneration) return { generation, unchanged: true };
    const entry = this.entries.get(name);
    const live = entry && entry.expiresAt > this.clock.now().getTime() ? structuredClone(entry.scheduler) : undefined;
    return { generation, unchanged: false, scheduler: live };
  }

  async setScheduler(scheduler: Scheduler, ttlMs: number, generation: string): Promise<boolean> {
    if (this.generationOf(scheduler.name) !== generation) return false;
    // As the Redis entry (Maestro's Go shape): without the rolling update's watch.
    const { rollout: _watch, ...cached } = scheduler;
    this.entries.set(scheduler.name, { scheduler: structuredClone(cached), expiresAt: this.clock.now().getTime() + ttlMs });
    return true;
  }

  async invalidate(name: string): Promise<void> {
    this.generations.set(name, (this.generations.get(name) ?? 0) + 1);
    this.entries.delete(name);
  }

  private generationOf(name: string): string {
    return String(this.generations.get(name) ?? 0);
  }
}
