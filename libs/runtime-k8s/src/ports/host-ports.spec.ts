import type { PortAllocator, PortRange } from '@maestro/domain';
import { aContainer, aScheduler } from '@maestro/testing';
import { allocateHostPorts } from './host-ports';

const port = (name: string, hostPortRange?: PortRange) => ({ name, protocol: 'udp', port: 7000, hostPort: 0, hostPortRange });

describe('allocateHostPorts (runtime-kubernetes.md 3.3)', () => {
  it('with a portRange, draws once for all ports of all containers, assigned in order', () => {
    const calls: [PortRange | undefined, number][] = [];
    const allocator: PortAllocator = { allocate: (range, quantity) => (calls.push([range, quantity]), [101, 102, 103]) };
    const scheduler = aScheduler()
      .with({ portRange: { start: 100, end: 200 } })
      .build();
    const spec = { ...scheduler.spec, containers: [aContainer({ ports: [port('a'), port('b')] }), aContainer({ ports: [port('c')] })] };
    const result = allocateHostPorts({ ...scheduler, spec }, allocator);
    expect(calls).toEqual([[{ start: 100, end: 200 }, 3]]);
    expect(result.containers.flatMap((c) => c.ports.map((p) => [p.name, p.hostPort]))).toEqual([
      ['a', 101],
      ['b', 102],
      ['c', 103],
    ]);
    expect(spec.containers[0].ports[0].hostPort).toBe(0);
  });

  it('without a portRange, draws one port per port from its own hostPortRange', () => {
    const scheduler = aScheduler().with({ portRange: undefined }).build();
    const spec = { ...scheduler.spec, containers: [aContainer({ ports: [port('a', { start: 1000, end: 1000 }), port('b', { start: 2000, end: 2001 })] })] };
    const result = allocateHostPorts({ ...scheduler, spec });
    expect(result.containers[0].ports[0].hostPort).toBe(1000);
    expect([2000, 2001]).toContain(result.containers[0].ports[1].hostPort);
  });

  it('lets ports with overlapping hostPortRanges collide', () => {
    const scheduler = aScheduler().with({ portRange: undefined }).build();
    const spec = { ...scheduler.spec, containers: [aContainer({ ports: [port('a', { start: 5, end: 5 }), port('b', { start: 5, end: 5 })] })] };
    expect(allocateHostPorts({ ...scheduler, spec }).containers[0].ports.map((p) => p.hostPort)).toEqual([5, 5]);
  });

  it('fails when the range is too small', () => {
    const scheduler = aScheduler()
      .with({ portRange: { start: 1, end: 1 } })
      .build();
    const spec = { ...scheduler.spec, containers: [aContainer({ ports: [port('a'), port('b')] })] };
    expect(() => allocateHostPorts({ ...scheduler, spec })).toThrow('not enough ports to allocate');
  });
});
