import { InvalidArgumentError, type PortAllocator, type PortRange } from '@maestro/domain';
import { randomInt } from 'node:crypto';

/** Maestro's `adapters.portAllocator.random.range`, used when no range is passed. */
export const DEFAULT_PORT_RANGE: PortRange = { start: 60001, end: 60010 };

/** Distinct random host ports from a range, `end` included (runtime-kubernetes.md 3.3). */
export class RandomPortAllocator implements PortAllocator {
  constructor(
    private readonly fallback: PortRange = DEFAULT_PORT_RANGE,
    private readonly random: (min: number, maxExclusive: number) => number = randomInt,
  ) {}

  allocate(range: PortRange | undefined, quantity: number): number[] {
    const { start, end } = range ?? this.fallback;
    if (end - start + 1 < quantity) throw new InvalidArgumentError('not enough ports to allocate');
    const chosen = new Set<number>();
    while (chosen.size < quantity) chosen.add(this.random(start, end + 1));
    return [...chosen];
  }
}
