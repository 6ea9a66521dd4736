import { aContainer, aScheduler } from '@maestro/testing';
import { buildPod } from './pod-builder';
import { nodeAddress } from './node-address';
import { minAvailableFor } from '../disruption';
import { RandomPortAllocator } from '../random-port-allocator';
import { gameRoomName } from '../room-name';

const topology = { enabled: true, maxSkew: 0, topologyKey: '', scheduleAnyway: false };

describe('scheduler spec -> pod (runtime-kubernetes.md 3.2)', () => {
  const scheduler = aScheduler().withName('sched').with({ labels: { team: 'a', heritage: 'overridden' }, annotations: { note: 'x' } }).build();

  it('sets names, labels, annotations and injected environment', () => {
    const pod = buildPod(scheduler, 'sched-abcde', scheduler.spec, topology);
    expect(pod.metadata).toEqual({
      name: 'sched-abcde',
      namespace: 'sched',
      labels: { heritage: 'overridden', 'maestro-scheduler': 'sched', version: 'v1.0.0', team: 'a' },
      annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true', note: 'x' },
    });
    const env = pod.spec!.containers[0].env!;
    expect(env.slice(-2)).toEqual([
      { name: 'MAESTRO_SCHEDULER_NAME', value: 'sched' },
      { name: 'MAESTRO_ROOM_ID', value: 'sched-abcde' },
    ]);
    expect(pod.spec!.containers[0].ports).toEqual([{ name: 'gameport', protocol: 'UDP', containerPort: 7777, hostPort: 0 }]);
    expect(pod.spec!.containers[0].resources).toEqual({ requests: { cpu: '100m', memory: '100Mi' }, limits: { cpu: '200m', memory: '200Mi' } });
  });

  it('maps grace period, restart policy, toleration, affinity and topology spread', () => {
    const spec = { ...scheduler.spec, terminationGracePeriodNs: 15, restartPolicy: 'Sometimes', toleration: 'game', affinity: 'game-node' };
    const pod = buildPod(scheduler, 'r', spec, topology);
    expect(pod.spec!.terminationGracePeriodSeconds).toBeUndefined();
    expect(pod.spec!.restartPolicy).toBe('Never');
    expect(pod.spec!.tolerations).toEqual([{ key: 'dedicated', operator: 'Equal', value: 'game', effect: 'NoSchedule' }]);
    expect(pod.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms[0].matchExpressions).toEqual([
      { key: 'game-node', operator: 'In', values: ['true'] },
    ]);
    expect(pod.spec!.topologySpreadConstraints).toEqual([
      { maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { 'maestro-scheduler': 'sched' } } },
    ]);
    const other = buildPod(scheduler, 'r', { ...spec, terminationGracePeriodNs: 100e9, restartPolicy: 'OnFailure' }, { ...topology, enabled: false }).spec!;
    expect(other).toMatchObject({ terminationGracePeriodSeconds: 100, restartPolicy: 'OnFailure' });
    expect(other).not.toHaveProperty('topologySpreadConstraints');
  });

  it('refuses protocols other than tcp/udp and bad quantities', () => {
    const sctp = { ...scheduler.spec, containers: [aContainer({ ports: [{ name: 'p', protocol: 'sctp', port: 1, hostPort: 0 }] })] };
    expect(() => buildPod(scheduler, 'r', sctp, topology)).toThrow('invalid port protocol "sctp"');
    const badCpu = { ...scheduler.spec, containers: [aContainer({ requests: { cpu: 'lots', memory: '1Mi' } })] };
    expect(() => buildPod(scheduler, 'r', badCpu, topology)).toThrow('failed to parse resource "cpu" = "lots"');
  });
});

describe('addresses, ports, names and disruption budget', () => {
  it.each([
    [[{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'ExternalDNS', address: 'node.example.com' }], 'node.example.com'],
    [[{ type: 'ExternalIP', address: 'not-an-ip' }, { type: 'ExternalIP', address: '1.2.3.4' }], '1.2.3.4'],
    [[{ type: 'InternalDNS', address: 'node.internal' }, { type: 'InternalIP', address: '10.0.0.1' }], 'node.internal'],
    [[{ type: 'Hostname', address: 'n' }, { type: 'InternalIP', address: '10.0.0.1' }], '10.0.0.1'],
  ])('resolves the node address %#', (addresses, host) => {
    expect(nodeAddress({ status: { addresses } })).toBe(host);
  });

  it('fails without a usable address', () => {
    expect(() => nodeAddress({ status: { addresses: [{ type: 'Hostname', address: 'n' }] } })).toThrow("game room node doesn't have public address");
  });

  it('draws distinct ports, end included, and refuses too small ranges', () => {
    const allocator = new RandomPortAllocator({ start: 60001, end: 60010 });
    const ports = allocator.allocate({ start: 1, end: 3 }, 3);
    expect([...ports].sort()).toEqual([1, 2, 3]);
    expect(() => allocator.allocate({ start: 1, end: 2 }, 3)).toThrow('not enough ports to allocate');
  });

  it('names rooms after the scheduler with five suffix characters', () => {
    expect(gameRoomName('a'.repeat(70))).toMatch(/^a{58}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it.each([[0, 0], [1, 0], [2, 1], [10, 9], [20, 19], [100, 95], [101, 95]])('%d rooms -> minAvailable %d', (rooms, expected) => {
    expect(minAvailableFor(rooms, 0.05)).toBe(expected);
    expect(minAvailableFor(rooms, 0.01)).toBe(expected);
  });
});
