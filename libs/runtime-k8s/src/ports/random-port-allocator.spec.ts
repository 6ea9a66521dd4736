import { portAllocatorContract } from '@maestro/testing';
import { DEFAULT_PORT_RANGE, RandomPortAllocator } from './random-port-allocator';

describe('RandomPortAllocator (runtime-kubernetes.md 3.3)', () => {
  portAllocatorContract((fallback) => new RandomPortAllocator(fallback));

  it('draws distinct ports, end included', () => {
    const ports = new RandomPortAllocator().allocate({ start: 1, end: 3 }, 3);
    expect([...ports].sort()).toEqual([1, 2, 3]);
  });

  it('can draw the end of the range', () => {
    const seen = new Set<number>();
    const allocator = new RandomPortAllocator();
    for (let i = 0; i < 200; i++) seen.add(allocator.allocate({ start: 10, end: 11 }, 1)[0]);
    expect([...seen].sort()).toEqual([10, 11]);
  });

  it('keeps every port inside the range', () => {
    const ports = new RandomPortAllocator().allocate({ start: 40000, end: 40100 }, 50);
    expect(new Set(ports).size).toBe(50);
    expect(ports.every((p) => p >= 40000 && p <= 40100)).toBe(true);
  });

  it('refuses a range smaller than the quantity', () => {
    expect(() => new RandomPortAllocator().allocate({ start: 1, end: 2 }, 3)).toThrow('not enough ports to allocate');
  });

  it('uses the fallback range (default 60001-60010) when none is passed', () => {
    expect(DEFAULT_PORT_RANGE).toEqual({ start: 60001, end: 60010 });
    expect([...new RandomPortAllocator().allocate(undefined, 10)].sort()).toEqual([60001, 60002, 60003, 60004, 60005, 60006, 60007, 60008, 60009, 60010]);
    expect(new RandomPortAllocator({ start: 5, end: 5 }).allocate(undefined, 1)).toEqual([5]);
  });

  it('draws with the injected random source', () => {
    const draws = [7, 7, 8];
    expect(new RandomPortAllocator(undefined, () => draws.shift()!).allocate({ start: 1, end: 10 }, 2)).toEqual([7, 8]);
  });
});
