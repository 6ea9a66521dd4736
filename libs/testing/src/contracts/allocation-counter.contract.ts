import { ALLOCATION_COUNTER_MINUTES, type AllocationCounter } from '@maestro/domain';

/**
 * The AllocationCounter port's contract, run against the Redis adapter and the in-memory fake.
 * Scheduler names are unique per test.
 */
export function allocationCounterContract(create: () => AllocationCounter): void {
  describe('AllocationCounter contract', () => {
    let counter: AllocationCounter;
    let names = 0;
    const aName = () => `allocations-contract-${++names}`;
    const t0 = new Date('2026-01-02T10:00:00Z').getTime();
    const at = (minute: number, second = 0) => new Date(t0 + minute * 60_000 + second * 1000);

    beforeEach(() => {
      counter = create();
    });

    it('counts allocations per minute, oldest minute first, the minute of now last', async () => {
      const s = aName();
      await counter.record(s, at(0, 5));
      await counter.record(s, at(2, 0));
      await counter.record(s, at(2, 59));
      await counter.record(s, at(3, 30));
      expect(await counter.recent(s, at(3, 40), 4)).toEqual([1, 0, 2, 1]);
      expect(await counter.recent(s, at(2, 10), 2)).toEqual([0, 2]);
    });

    it('answers zeros for a scheduler without allocations', async () => {
      expect(await counter.recent(aName(), at(0), ALLOCATION_COUNTER_MINUTES)).toEqual(Array(ALLOCATION_COUNTER_MINUTES).fill(0));
    });

    it('keeps the schedulers apart', async () => {
      const [a, b] = [aName(), aName()];
      await counter.record(a, at(1));
      expect(await counter.recent(b, at(1), 1)).toEqual([0]);
      expect(await counter.recent(a, at(1), 1)).toEqual([1]);
    });

    it('counts concurrent allocations exactly', async () => {
      const s = aName();
      await Promise.all(Array.from({ length: 25 }, () => counter.record(s, at(5, 1))));
      expect(await counter.recent(s, at(5, 2), 1)).toEqual([25]);
    });
  });
}
