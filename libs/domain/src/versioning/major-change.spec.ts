import { aContainer, aForwarder, aPort, aRoomOccupancyAutoscaling, aScheduler } from '@maestro/testing';
import type { ContainerPort, Scheduler } from '../entities/scheduler';
import { deepEqual, isMajorChange } from './major-change';

const twoPorts = [aPort({ name: 'udp', protocol: 'udp', port: 7777 }), aPort({ name: 'tcp', protocol: 'tcp', port: 8080 })];
const active = aScheduler()
  .withContainers(aContainer({ ports: twoPorts }))
  .build();
const withPorts = (ports: ContainerPort[]): Scheduler => ({ ...active, spec: { ...active.spec, containers: [aContainer({ ports })] } });
const withSpec = (spec: Partial<Scheduler['spec']>): Scheduler => ({ ...active, spec: { ...active.spec, ...spec } });

describe('isMajorChange: ignored fields are minor (storage.md 3.2)', () => {
  it.each<[string, Partial<Scheduler>]>([
    ['name', { name: 'other' }],
    ['game', { game: 'other' }],
    ['state', { state: 'in-sync' }],
    ['rollback version', { rollbackVersion: 'v0.1.0' }],
    ['creation time', { createdAt: new Date(0) }],
    ['lastDownscaleAt', { lastDownscaleAt: new Date() }],
    ['maxSurge', { maxSurge: '50%' }],
    ['rollbackThreshold (not in Maestro)', { rollbackThreshold: '3' }],
    ['the rollout watch (not in Maestro)', { rollout: { version: 'v2.0.0', previousVersion: 'v1.0.0', startedAt: new Date(), fleetSize: 3, failedRooms: [] } }],
    ['roomsReplicas', { roomsReplicas: 9 }],
    ['autoscaling', { autoscaling: aRoomOccupancyAutoscaling() }],
    ['matchAllocation', { matchAllocation: { maxMatches: 3 } }],
  ])('%s', (_field, change) => {
    expect(isMajorChange(active, { ...active, ...change })).toBe(false);
  });

  it('spec.version', () => {
    expect(isMajorChange(active, withSpec({ version: 'v9.0.0' }))).toBe(false);
  });

  it('an identical configuration', () => {
    expect(isMajorChange(active, structuredClone(active))).toBe(false);
  });
});

describe('isMajorChange: compared fields are major', () => {
  it.each<[string, () => Scheduler]>([
    ['termination grace period', () => withSpec({ terminationGracePeriodNs: 1 })],
    ['image', () => withSpec({ containers: [aContainer({ image: 'other:2', ports: twoPorts })] })],
    ['container name', () => withSpec({ containers: [aContainer({ name: 'other', ports: twoPorts })] })],
    ['pull policy', () => withSpec({ containers: [aContainer({ imagePullPolicy: 'Always', ports: twoPorts })] })],
    ['command', () => withSpec({ containers: [aContainer({ command: ['./other'], ports: twoPorts })] })],
    ['environment', () => withSpec({ containers: [aContainer({ environment: [], ports: twoPorts })] })],
    ['requests', () => withSpec({ containers: [aContainer({ requests: { memory: '1Gi', cpu: '1' }, ports: twoPorts })] })],
    ['limits', () => withSpec({ containers: [aContainer({ limits: { memory: '1Gi', cpu: '1' }, ports: twoPorts })] })],
    ['a second container', () => withSpec({ containers: [...active.spec.containers, aContainer({ name: 'sidecar', ports: [] })] })],
    ['toleration', () => withSpec({ toleration: 'x' })],
    ['affinity', () => withSpec({ affinity: 'x' })],
    ['restart policy (so every POST new version over a stored empty one is major)', () => withSpec({ restartPolicy: 'Always' })],
    ['portRange', () => ({ ...active, portRange: { start: 1, end: 2 } })],
    ['portRange removed', () => ({ ...active, portRange: undefined })],
    ['an added forwarder', () => ({ ...active, forwarders: [aForwarder()] })],
    ['annotations', () => ({ ...active, annotations: { a: '2' } })],
    ['labels', () => ({ ...active, labels: { team: 'x' } })],
    ['an added port', () => withPorts([...twoPorts, aPort({ name: 'extra', port: 9000 })])],
    ['a port number', () => withPorts([twoPorts[0], { ...twoPorts[1], port: 8081 }])],
    ['a port protocol', () => withPorts([twoPorts[0], { ...twoPorts[1], protocol: 'udp' }])],
    ['a port range', () => withPorts([twoPorts[0], { ...twoPorts[1], hostPortRange: { start: 1, end: 5 } }])],
    ['all ports removed', () => withPorts([])],
  ])('%s', (_field, candidate) => {
    expect(isMajorChange(active, candidate())).toBe(true);
  });
});

describe('isMajorChange: comparison details', () => {
  it('treats absent and empty maps as different', () => {
    const withEmpty = { ...active, annotations: {} };
    expect(isMajorChange(active, withEmpty)).toBe(true);
    expect(isMajorChange(withEmpty, { ...active, annotations: {} })).toBe(false);
    expect(isMajorChange(active, { ...active, labels: {} })).toBe(true);
  });

  it('treats forwarder options absent and present as different, and compares metadata', () => {
    const f = { ...active, forwarders: [aForwarder()] };
    expect(isMajorChange(f, { ...active, forwarders: [aForwarder({ options: undefined })] })).toBe(true);
    expect(isMajorChange(f, { ...active, forwarders: [aForwarder({ options: { timeoutMs: 1000, metadata: { a: 1 } } })] })).toBe(true);
    expect(isMajorChange(f, { ...active, forwarders: [aForwarder({ enabled: false })] })).toBe(true);
    expect(isMajorChange(f, { ...active, forwarders: [aForwarder()] })).toBe(false);
  });

  it('treats an env value of "" as no value', () => {
    const a = withSpec({ containers: [aContainer({ environment: [{ name: 'A', value: '' }], ports: twoPorts })] });
    const b = withSpec({ containers: [aContainer({ environment: [{ name: 'A' }], ports: twoPorts })] });
    expect(isMajorChange(a, b)).toBe(false);
  });

  it('ignores host ports', () => {
    expect(isMajorChange(active, withPorts(twoPorts.map((p) => ({ ...p, hostPort: 40123 }))))).toBe(false);
  });

  it('does not detect removing some ports or reordering them (quirk)', () => {
    expect(isMajorChange(active, withPorts([twoPorts[1]]))).toBe(false);
    expect(isMajorChange(active, withPorts([twoPorts[1], twoPorts[0]]))).toBe(false);
  });

  it('uses the first argument as the port reference (old version -> active for rolling updates)', () => {
    const old = withPorts([twoPorts[0]]);
    expect(isMajorChange(old, active)).toBe(true);
    expect(isMajorChange(active, old)).toBe(false);
  });

  it('compares against the last active port of a name, as a Go map would', () => {
    const duplicated = withPorts([aPort({ name: 'p', port: 1 }), aPort({ name: 'p', port: 2 })]);
    // Reference p -> 2: the port 1 stays compared on both sides, the port 2 is left out.
    expect(isMajorChange(duplicated, withPorts([aPort({ name: 'p', port: 1 })]))).toBe(false);
    expect(isMajorChange(duplicated, withPorts([aPort({ name: 'p', port: 2 }), aPort({ name: 'p', port: 3 })]))).toBe(true);
  });
});

describe('deepEqual', () => {
  it('ignores undefined keys, not nulls, and compares dates by time', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: null }, {})).toBe(false);
    expect(deepEqual([1, [2]], [1, [2]])).toBe(true);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual(new Date(1), new Date(1))).toBe(true);
    expect(deepEqual(new Date(1), new Date(2))).toBe(false);
  });
});
