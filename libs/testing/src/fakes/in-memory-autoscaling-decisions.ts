import type { AutoscalingDecision, AutoscalingDecisions } from '@maestro/domain';

/** AutoscalingDecisions in memory, for unit tests: each scheduler's newest `capacity` decisions. */
export class InMemoryAutoscalingDecisions implements AutoscalingDecisions {
  private readonly bySchedulers = new Map<string, AutoscalingDecision[]>();

  constructor(private readonly capacity = 1000) {}

  async record(schedulerName: string, decision: AutoscalingDecision): Promise<void> {
    const all = [structuredClone(decision), ...(this.bySchedulers.get(schedulerName) ?? [])];
    this.bySchedulers.set(schedulerName, all.slice(0, this.capacity));
  }

  async list(schedulerName: string, limit: number): Promise<AutoscalingDecision[]> {
    return (this.bySchedulers.get(schedulerName) ?? []).slice(0, limit).map((d) => structuredClone(d));
  }
}
