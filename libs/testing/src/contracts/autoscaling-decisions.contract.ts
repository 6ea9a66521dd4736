import type { AutoscalingDecision, AutoscalingDecisions } from '@maestro/domain';

/** Window every implementation under the contract is created with. */
export const AUTOSCALING_DECISIONS_CONTRACT_CAPACITY = 3;

/** A decision of the contract, `n` telling them apart. */
export const aDecision = (n: number): AutoscalingDecision => ({
  at: new Date(Date.UTC(2026, 0, 2, 10, 0, n)),
  operationId: `hc-${n}`,
  rooms: { ready: 3, occupied: 7, pending: 0, terminating: 1, error: 0 },
  policy: { type: 'roomOccupancy', min: 1, max: 12, cooldown: 0, parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.99 } } },
  current: 10,
  desired: 12,
  limitedBy: ['max'],
  action: { kind: 'add', amount: 2, operationId: `add-${n}` },
  reason: `3 of 10 rooms ready, readyTarget 0.5 wants 14, capped by max 12: +2 (${n})`,
});

/**
 * The AutoscalingDecisions port's contract, run against the Redis adapter and the in-memory fake.
 * `create(capacity)` answers the implementation under test. Scheduler names are unique per test.
 */
export function autoscalingDecisionsContract(create: (capacity: number) => AutoscalingDecisions): void {
  describe('AutoscalingDecisions contract', () => {
    let decisions: AutoscalingDecisions;
    let names = 0;
    const aName = () => `decisions-contract-${++names}`;

    beforeEach(() => {
      decisions = create(AUTOSCALING_DECISIONS_CONTRACT_CAPACITY);
    });

    it('answers the most recent decisions first, every field as recorded', async () => {
      const s = aName();
      await decisions.record(s, aDecision(1));
      await decisions.record(s, aDecision(2));
      expect(await decisions.list(s, 10)).toEqual([aDecision(2), aDecision(1)]);
      expect(await decisions.list(s, 1)).toEqual([aDecision(2)]);
    });

    it('keeps each scheduler apart and answers none for an unknown one', async () => {
      const a = aName();
      await decisions.record(a, aDecision(1));
      await decisions.record(aName(), aDecision(2));
      expect(await decisions.list(a, 10)).toEqual([aDecision(1)]);
      expect(await decisions.list(aName(), 10)).toEqual([]);
    });

    it('drops the oldest decisions past the window', async () => {
      const s = aName();
      for (const n of [1, 2, 3, 4, 5]) await decisions.record(s, aDecision(n));
      expect(await decisions.list(s, 10)).toEqual([aDecision(5), aDecision(4), aDecision(3)]);
    });
  });
}
