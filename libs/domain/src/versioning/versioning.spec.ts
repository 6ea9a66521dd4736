import { aContainer, aForwarder, aScheduler } from '@maestro/testing';
import { isMajorChange } from './major-change';
import { nextVersion, parseVersion } from './semantic-version';

describe('version numbering', () => {
  it('parses lenient versions and keeps the prefix', () => {
    expect(parseVersion('v1.1')).toEqual({ prefix: 'v', major: 1, minor: 1, patch: 0 });
    expect(parseVersion('2')).toEqual({ prefix: '', major: 2, minor: 0, patch: 0 });
    expect(() => parseVersion('one')).toThrow('failed to parse scheduler version one');
  });

  it('follows the e2e flow v1.0.0 -> v1.1.0 -> v2.0.0 -> switch v1.0.0 -> v1.2.0 -> v3.0.0', () => {
    const versions = ['v1.0.0'];
    const step = (active: string, major: boolean) => {
      const next = nextVersion(active, versions, major);
      versions.push(next);
      return next;
    };
    expect(step('v1.0.0', false)).toBe('v1.1.0');
    expect(step('v1.1.0', true)).toBe('v2.0.0');
    expect(step('v1.0.0', false)).toBe('v1.2.0');
    expect(step('v1.2.0', true)).toBe('v3.0.0');
  });
});

describe('major or minor change', () => {
  const active = aScheduler().with({ annotations: { a: '1' } }).build();

  it.each([
    ['maxSurge', { maxSurge: '50%' }],
    ['roomsReplicas', { roomsReplicas: 9 }],
    ['game', { game: 'other' }],
    ['matchAllocation', { matchAllocation: { maxMatches: 3 } }],
    ['lastDownscaleAt', { lastDownscaleAt: new Date() }],
  ])('%s alone is minor', (_field, change) => {
    expect(isMajorChange(active, { ...active, ...change })).toBe(false);
  });

  it('autoscaling alone is minor', () => {
    expect(isMajorChange(active, { ...active, autoscaling: { enabled: true, min: 1, max: 2, cooldown: 0, policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 1 } } } } })).toBe(false);
  });

  it.each([
    ['image', () => ({ ...active, spec: { ...active.spec, containers: [aContainer({ image: 'other:2' })] } })],
    ['termination grace period', () => ({ ...active, spec: { ...active.spec, terminationGracePeriodNs: 1 } })],
    ['toleration', () => ({ ...active, spec: { ...active.spec, toleration: 'x' } })],
    ['environment', () => ({ ...active, spec: { ...active.spec, containers: [aContainer({ environment: [] })] } })],
    ['forwarders', () => ({ ...active, forwarders: [aForwarder()] })],
    ['annotations', () => ({ ...active, annotations: { a: '2' } })],
    ['labels absent vs empty', () => ({ ...active, labels: {} })],
    ['portRange', () => ({ ...active, portRange: { start: 1, end: 2 } })],
    ['an added port', () => ({ ...active, spec: { ...active.spec, containers: [aContainer({ ports: [...aContainer().ports, { name: 'tcp', protocol: 'tcp', port: 80, hostPort: 0 }] })] } })],
    ['a changed port number', () => ({ ...active, spec: { ...active.spec, containers: [aContainer({ ports: [{ name: 'gameport', protocol: 'udp', port: 7778, hostPort: 0 }] })] } })],
  ])('%s makes a major change', (_field, change) => {
    expect(isMajorChange(active, change())).toBe(true);
  });

  it('ignores host ports and identical ports', () => {
    const hostPortOnly = { ...active, spec: { ...active.spec, containers: [aContainer({ ports: [{ name: 'gameport', protocol: 'udp', port: 7777, hostPort: 40123 }] })] } };
    expect(isMajorChange(active, hostPortOnly)).toBe(false);
  });
});
