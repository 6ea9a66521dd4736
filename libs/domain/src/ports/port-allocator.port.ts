import type { PortRange } from '../entities/scheduler';

export const PORT_ALLOCATOR = Symbol('PortAllocator');

/** Chooses host ports for a new room. */
export interface PortAllocator {
  /** `quantity` distinct ports drawn from `range` (inclusive); throws when the range is too small. */
  allocate(range: PortRange | undefined, quantity: number): number[];
}
