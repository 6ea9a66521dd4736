import { InvalidArgumentError, type PortAllocator, type PortRange } from '@maestro/domain';

/**
 * The PortAllocator port's contract, run against RandomPortAllocator and the SequentialPortAllocator
 * fake. `create(fallback)` answers the implementation under test, using `fallback` without a range.
 */
export function portAllocatorContract(create: (fallback: PortRange) => PortAllocator): void {
  describe('PortAllocator contract', () => {
    const fallback = { start: 60001, end: 60010 };
    const within = (ports: number[], { start, end }: PortRange) => ports.every((port) => Number.isInteger(port) && port >= start && port <= end);

    it('draws the quantity asked, distinct ports inside the range', () => {
      const range = { start: 40000, end: 40100 };
      const ports = create(fallback).allocate(range, 50);
      expect(ports).toHaveLength(50);
      expect(new Set(ports).size).toBe(50);
      expect(within(ports, range)).toBe(true);
    });

    it('takes both ends of the range: a range as large as the quantity gives all of it', () => {
      expect([...create(fallback).allocate({ start: 7000, end: 7002 }, 3)].sort()).toEqual([7000, 7001, 7002]);
      expect(create(fallback).allocate({ start: 5, end: 5 }, 1)).toEqual([5]);
    });

    it('draws from its fallback range without a range', () => {
      const ports = create(fallback).allocate(undefined, 10);
      expect([...ports].sort((a, b) => a - b)).toEqual([60001, 60002, 60003, 60004, 60005, 60006, 60007, 60008, 60009, 60010]);
      expect(within(create({ start: 100, end: 199 }).allocate(undefined, 5), { start: 100, end: 199 })).toBe(true);
    });

    it('answers no port for a quantity of zero', () => {
      expect(create(fallback).allocate({ start: 1, end: 2 }, 0)).toEqual([]);
    });

    it('refuses a range smaller than the quantity', () => {
      const allocate = () => create(fallback).allocate({ start: 1, end: 2 }, 3);
      expect(allocate).toThrow(InvalidArgumentError);
      expect(allocate).toThrow('not enough ports to allocate');
      expect(() => create({ start: 1, end: 1 }).allocate(undefined, 2)).toThrow('not enough ports to allocate');
    });
  });
}
