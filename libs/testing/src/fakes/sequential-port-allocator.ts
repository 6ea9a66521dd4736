import { InvalidArgumentError, type PortAllocator, type PortRange } from '@maestro/domain';

/**
 * The PortAllocator port without randomness, for unit tests: each call answers the first `quantity`
 * ports of the range (the fallback range without one), so tests know the host ports a room gets.
 * `allocations` keeps every answer.
 */
export class SequentialPortAllocator implements PortAllocator {
  readonly allocations: number[][] = [];

  constructor(private readonly fallback: PortRange = { start: 60001, end: 60010 }) {}

  allocate(range: PortRange | undefined, quantity: number): number[] {
    const { start, end } = range ?? this.fallback;
    if (end - start + 1 < quantity) throw new InvalidArgumentError('not enough ports to allocate');
    const ports = Array.from({ length: quantity }, (_, i) => start + i);
    this.allocations.push(ports);
    return ports;
  }
}
