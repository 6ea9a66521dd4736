import { portAllocatorContract } from '../contracts/port-allocator.contract';
import { SequentialPortAllocator } from './sequential-port-allocator';

describe('SequentialPortAllocator', () => {
  portAllocatorContract((fallback) => new SequentialPortAllocator(fallback));

  it('answers the first ports of the range and keeps every answer', () => {
    const allocator = new SequentialPortAllocator();
    expect(allocator.allocate({ start: 40000, end: 40010 }, 2)).toEqual([40000, 40001]);
    expect(allocator.allocate(undefined, 1)).toEqual([60001]);
    expect(allocator.allocations).toEqual([[40000, 40001], [60001]]);
  });
});
