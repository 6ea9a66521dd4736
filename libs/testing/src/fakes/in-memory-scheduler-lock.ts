import { type Clock, type SchedulerLock, systemClock } from '@maestro/domain';

/**
 * SchedulerLock in memory, for unit tests: the owner of each lock and period claim, with the time
 * (on `clock`) it expires, like the Redis keys set with PX and NX.
 */
export class InMemorySchedulerLock implements SchedulerLock {
  private readonly keys = new Map<string, { owner: string; expiresAt: number }>();

  constructor(private readonly clock: Clock = systemClock) {}

  async tryAcquire(schedulerName: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.setIfFree(`lock:${schedulerName}`, owner, ttlMs);
  }

  async renew(schedulerName: string, owner: string, ttlMs: number): Promise<boolean> {
    const key = `lock:${schedulerName}`;
    if (this.ownerOf(key) !== owner) return false;
    this.keys.set(key, { owner, expiresAt: this.now() + ttlMs });
    return true;
  }

  async release(schedulerName: string, owner: string): Promise<void> {
    if (this.ownerOf(`lock:${schedulerName}`) === owner) this.keys.delete(`lock:${schedulerName}`);
  }

  async claimPeriod(schedulerName: string, task: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.setIfFree(`period:${schedulerName}:${task}`, owner, ttlMs);
  }

  /** The owner of the scheduler's lock now, if any. */
  holder(schedulerName: string): string | undefined {
    return this.ownerOf(`lock:${schedulerName}`);
  }

  private setIfFree(key: string, owner: string, ttlMs: number): boolean {
    if (this.ownerOf(key) !== undefined) return false;
    this.keys.set(key, { owner, expiresAt: this.now() + ttlMs });
    return true;
  }

  private ownerOf(key: string): string | undefined {
    const entry = this.keys.get(key);
    return entry && entry.expiresAt > this.now() ? entry.owner : undefined;
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
