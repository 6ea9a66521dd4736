import type { RoomSample, RoomSamples } from '@maestro/domain';

/** RoomSamples in memory, for unit tests: each scheduler's samples sorted by time, within the window. */
export class InMemoryRoomSamples implements RoomSamples {
  private readonly bySchedulers = new Map<string, RoomSample[]>();

  constructor(private readonly retentionMs = 24 * 60 * 60_000) {}

  async record(schedulerName: string, sample: RoomSample): Promise<void> {
    const all = [...(this.bySchedulers.get(schedulerName) ?? []), { ...sample }].sort((a, b) => a.at.getTime() - b.at.getTime());
    const newest = all[all.length - 1].at.getTime();
    this.bySchedulers.set(
      schedulerName,
      all.filter((s) => s.at.getTime() >= newest - this.retentionMs),
    );
  }

  async list(schedulerName: string, since: Date): Promise<RoomSample[]> {
    return (this.bySchedulers.get(schedulerName) ?? []).filter((s) => s.at.getTime() >= since.getTime()).map((s) => ({ ...s }));
  }
}
