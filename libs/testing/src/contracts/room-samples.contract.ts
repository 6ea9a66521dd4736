import type { RoomSample, RoomSamples } from '@maestro/domain';

/** Retention window every implementation under the contract is created with. */
export const ROOM_SAMPLES_CONTRACT_RETENTION_MS = 60 * 60_000;

/**
 * The RoomSamples port's contract, run against the Redis adapter and the in-memory fake.
 * `create(retentionMs)` answers the implementation under test. Scheduler names are unique per test.
 */
export function roomSamplesContract(create: (retentionMs: number) => RoomSamples): void {
  describe('RoomSamples contract', () => {
    let samples: RoomSamples;
    let names = 0;
    const aName = () => `samples-contract-${++names}`;
    const t0 = new Date('2026-01-02T10:00:00Z').getTime();
    const sample = (offsetMs: number, ready = 1): RoomSample => ({ at: new Date(t0 + offsetMs), ready, occupied: 2, pending: 3, terminating: 4, error: 5 });

    beforeEach(() => {
      samples = create(ROOM_SAMPLES_CONTRACT_RETENTION_MS);
    });

    it('answers the samples taken since a time, oldest first, with every count', async () => {
      const s = aName();
      await samples.record(s, sample(2_000, 7));
      await samples.record(s, sample(0, 6));
      await samples.record(s, sample(1_000, 8));
      expect(await samples.list(s, new Date(t0 + 1_000))).toEqual([sample(1_000, 8), sample(2_000, 7)]);
      expect(await samples.list(s, new Date(t0))).toEqual([sample(0, 6), sample(1_000, 8), sample(2_000, 7)]);
    });

    it('keeps each scheduler apart and answers none for an unknown one', async () => {
      const a = aName();
      const b = aName();
      await samples.record(a, sample(0, 1));
      await samples.record(b, sample(0, 2));
      expect(await samples.list(a, new Date(t0))).toEqual([sample(0, 1)]);
      expect(await samples.list(aName(), new Date(0))).toEqual([]);
    });

    it('keeps two samples of the same counts taken at different times', async () => {
      const s = aName();
      await samples.record(s, sample(0));
      await samples.record(s, sample(5_000));
      expect(await samples.list(s, new Date(t0))).toHaveLength(2);
    });

    it('drops the samples that fall out of the window behind the newest one', async () => {
      const s = aName();
      await samples.record(s, sample(0, 1));
      await samples.record(s, sample(1_000, 2));
      await samples.record(s, sample(ROOM_SAMPLES_CONTRACT_RETENTION_MS + 500, 3));
      expect(await samples.list(s, new Date(0))).toEqual([sample(1_000, 2), sample(ROOM_SAMPLES_CONTRACT_RETENTION_MS + 500, 3)]);
    });
  });
}
