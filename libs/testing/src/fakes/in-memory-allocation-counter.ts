import { type AllocationCounter, minuteOf } from '@maestro/domain';

/** AllocationCounter in memory (domain unit tests): counts per scheduler and minute, never expiring. */
export class InMemoryAllocationCounter implements AllocationCounter {
  private readonly counts = new Map<string, number>();

  async record(schedulerName: string, at: Date): Promise<void> {
    const key = `${schedulerName}\n${minuteOf(at)}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  async recent(schedulerName: string, now: Date, minutes: number): Promise<number[]> {
    const last = minuteOf(now);
    return Array.from({ length: minutes }, (_, i) => this.counts.get(`${schedulerName}\n${last - minutes + 1 + i}`) ?? 0);
  }
}
