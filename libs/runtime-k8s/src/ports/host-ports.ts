import type { PortAllocator, Scheduler, SchedulerSpec } from '@maestro/domain';
import { RandomPortAllocator } from './random-port-allocator';

/**
 * A copy of the scheduler's spec with fresh host ports (runtime-kubernetes.md 3.3): with a
 * `portRange`, one draw of distinct ports for all ports of all containers, in order; otherwise one
 * draw per port from its own `hostPortRange` (ports with overlapping ranges may collide).
 * Throws `not enough ports to allocate` when a range is too small.
 */
export function allocateHostPorts(scheduler: Pick<Scheduler, 'spec' | 'portRange'>, allocator: PortAllocator = new RandomPortAllocator()): SchedulerSpec {
  const { spec, portRange } = scheduler;
  const total = spec.containers.reduce((sum, container) => sum + container.ports.length, 0);
  const drawn = portRange ? allocator.allocate(portRange, total) : [];
  let next = 0;
  return {
    ...spec,
    containers: spec.containers.map((container) => ({
      ...container,
      ports: container.ports.map((port) => ({
        ...port,
        hostPort: portRange ? drawn[next++] : allocator.allocate(port.hostPortRange, 1)[0],
      })),
    })),
  };
}
