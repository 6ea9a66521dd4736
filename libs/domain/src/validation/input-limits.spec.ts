import { aContainer, aForwarder, aPort, aScheduler } from '@maestro/testing';
import type { Container, Forwarder, Scheduler } from '../entities/scheduler';
import { ForwarderAddressPolicy } from './forwarder-address.policy';
import { INPUT_LIMITS as L } from './input-limits';
import { RESERVED_ANNOTATION_KEYS, RESERVED_LABEL_KEYS } from './kubernetes-metadata.validation';
import { collectSchedulerIssues, validateScheduler } from './scheduler.validation';

const text = (length: number) => 'a'.repeat(length);
const times = <T>(count: number, make: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => make(i));
const withContainer = (c: Partial<Container>) => aScheduler().withContainers(aContainer(c)).build();
const withForwarder = (f: Partial<Forwarder>) => aScheduler().withForwarders(aForwarder(f)).build();
const withTimeout = (timeoutMs: number) => withForwarder({ options: { timeoutMs, metadata: {} } });
const annotationsOfBytes = (bytes: number) => ({ big: text(bytes - 'big'.length) });

const paths = (s: Scheduler) => collectSchedulerIssues(s).map((issue) => issue.path);

describe('input bounds: each field at its limit passes, one past fails naming the field', () => {
  it.each<[string, (n: number) => Scheduler, number]>([
    ['Scheduler.Game', (n) => aScheduler().withGame(text(n)).build(), L.gameLength],
    [
      'Scheduler.Spec.Containers',
      (n) =>
        aScheduler()
          .withContainers(...times(n, () => aContainer()))
          .build(),
      L.containers,
    ],
    ['Scheduler.Spec.Containers[0].Image', (n) => withContainer({ image: text(n) }), L.imageLength],
    ['Scheduler.Spec.Containers[0].Command', (n) => withContainer({ command: times(n, () => 'x') }), L.commandItems],
    ['Scheduler.Spec.Containers[0].Command[1]', (n) => withContainer({ command: ['./run', text(n)] }), L.commandItemLength],
    ['Scheduler.Spec.Containers[0].Environment', (n) => withContainer({ environment: times(n, (i) => ({ name: `E${i}`, value: '' })) }), L.environment],
    ['Scheduler.Spec.Containers[0].Environment[0].Name', (n) => withContainer({ environment: [{ name: text(n), value: '' }] }), L.environmentNameLength],
    ['Scheduler.Spec.Containers[0].Environment[0].Value', (n) => withContainer({ environment: [{ name: 'E', value: text(n) }] }), L.environmentValueLength],
    ['Scheduler.Spec.Containers[0].Ports', (n) => withContainer({ ports: times(n, (i) => aPort({ name: `p${i}` })) }), L.portsPerContainer],
    ['Scheduler.MaxSurge', (n) => aScheduler().withMaxSurge(String(n)).build(), L.maxSurgeRooms],
    ['Scheduler.MaxSurge', (n) => aScheduler().withMaxSurge(`${n}%`).build(), L.maxSurgePercent],
    [
      'Scheduler.Forwarders',
      (n) =>
        aScheduler()
          .withForwarders(...times(n, (i) => aForwarder({ name: `f${i}` })))
          .build(),
      L.forwarders,
    ],
    ['Scheduler.Forwarders[0].Name', (n) => withForwarder({ name: text(n) }), L.forwarderNameLength],
    ['Scheduler.Forwarders[0].Address', (n) => withForwarder({ address: `${text(n - 5)}:9090` }), L.forwarderAddressLength],
    ['Scheduler.Forwarders[0].Options.Timeout', withTimeout, L.forwarderTimeoutMaxMs],
    [
      'Scheduler.Labels',
      (n) =>
        aScheduler()
          .withLabels(Object.fromEntries(times(n, (i) => [`l${i}`, 'v'])))
          .build(),
      L.labels,
    ],
    [
      'Scheduler.Labels[team]',
      (n) =>
        aScheduler()
          .withLabels({ team: text(n) })
          .build(),
      63,
    ],
    [
      'Scheduler.Annotations',
      (n) =>
        aScheduler()
          .withAnnotations(Object.fromEntries(times(n, (i) => [`a${i}`, 'v'])))
          .build(),
      L.annotations,
    ],
    ['Scheduler.Annotations', (n) => aScheduler().withAnnotations(annotationsOfBytes(n)).build(), L.annotationsTotalBytes],
  ])('%s bounded at %#', (path, make, limit) => {
    expect(paths(make(limit))).toEqual([]);
    expect(paths(make(limit + 1))).toEqual([path]);
  });

  it('says what was exceeded, in Maestro message format', () => {
    expect(() => validateScheduler(withContainer({ environment: times(L.environment + 1, (i) => ({ name: `E${i}`, value: '' })) }))).toThrow(
      `Validation Error:\nScheduler.Spec.Containers[0].Environment: Environment must contain at maximum ${L.environment} items`,
    );
    expect(() => validateScheduler(aScheduler().withMaxSurge('1001').build())).toThrow('Scheduler.MaxSurge: MaxSurge must be at most 1000 or 100%');
  });

  it('keeps accepting the maxSurge values Maestro accepts below the bounds (0%, negative percentages)', () => {
    for (const maxSurge of ['0%', '-5%', '1', '100%']) expect(paths(aScheduler().withMaxSurge(maxSurge).build())).toEqual([]);
  });

  it('bounds a forwarder timeout from below too', () => {
    expect(paths(withTimeout(L.forwarderTimeoutMinMs))).toEqual([]);
    expect(paths(withTimeout(-1))).toEqual(['Scheduler.Forwarders[0].Options.Timeout']);
  });

  it.each([
    ['dedicated-game_1.x', '', []],
    ['has space', '', ['Scheduler.Spec.Toleration']],
    [text(64), '', ['Scheduler.Spec.Toleration']],
    ['', 'example.com/game-nodes', []],
    ['', 'not a key', ['Scheduler.Spec.Affinity']],
  ])('toleration %j and affinity %j follow Kubernetes syntax', (toleration, affinity, expected) => {
    expect(paths(aScheduler().withSpec({ toleration, affinity }).build())).toEqual(expected);
  });

  it('does not walk a list past its bound', () => {
    const many = aScheduler()
      .withContainers(...times(L.containers + 5, () => aContainer({ image: '' })))
      .build();
    expect(paths(many)).toEqual(['Scheduler.Spec.Containers', ...times(L.containers, (i) => `Scheduler.Spec.Containers[${i}].Image`)]);
  });
});

describe('labels and annotations follow Kubernetes syntax and leave Maestro its keys', () => {
  it.each([
    ['team', 'blue', []],
    ['example.com/team', 'blue_1.x', []],
    ['', 'v', ['Scheduler.Labels[]']],
    ['bad key', 'v', ['Scheduler.Labels[bad key]']],
    ['Example.com/team', 'v', ['Scheduler.Labels[Example.com/team]']],
    [`${text(64)}`, 'v', [`Scheduler.Labels[${text(64)}]`]],
    ['team', 'has space', ['Scheduler.Labels[team]']],
    ['team', '-dash', ['Scheduler.Labels[team]']],
    ['team', '', []],
  ])('label %j = %j', (key, value, expected) => {
    expect(
      paths(
        aScheduler()
          .withLabels({ [key]: value })
          .build(),
      ),
    ).toEqual(expected);
  });

  it.each(RESERVED_LABEL_KEYS)('refuses the label %s', (key) => {
    const issues = collectSchedulerIssues(
      aScheduler()
        .withLabels({ [key]: 'mine' })
        .build(),
    );
    expect(issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([`Scheduler.Labels[${key}]: Labels[${key}] uses a key Maestro sets itself`]);
  });

  it.each(RESERVED_ANNOTATION_KEYS)('refuses the annotation %s', (key) => {
    expect(
      paths(
        aScheduler()
          .withAnnotations({ [key]: 'false' })
          .build(),
      ),
    ).toEqual([`Scheduler.Annotations[${key}]`]);
  });

  it('accepts any annotation value, and shortens a huge bad key in the path', () => {
    expect(paths(aScheduler().withAnnotations({ 'example.com/note': 'any text: {"json": true}' }).build())).toEqual([]);
    expect(
      paths(
        aScheduler()
          .withAnnotations({ [`${text(200)} `]: 'v' })
          .build(),
      ),
    ).toEqual([`Scheduler.Annotations[${text(80)}...]`]);
  });
});

describe('forwarder addresses restricted by configuration', () => {
  const policy = ForwarderAddressPolicy.parse('matchmaker.games.svc, *.internal.example, 10.0.0.0/8, fd00::/8');
  const verdict = (address: string) => policy.check(address);

  it.each([
    ['matchmaker.games.svc:9090', 'allowed'],
    ['dns:///matchmaker.games.svc:9090', 'allowed'],
    ['MATCHMAKER.games.svc:9090', 'allowed'],
    ['mm.internal.example:443', 'allowed'],
    ['10.1.2.3:9090', 'allowed'],
    ['[fd00::1]:9090', 'allowed'],
    ['11.1.2.3:9090', 'denied'],
    ['169.254.169.254:80', 'denied'],
    ['[::1]:9090', 'denied'],
    ['unix:/var/run/socket', 'denied'],
    ['ipv4:10.0.0.1:80', 'denied'],
    ['other.example:9090', 'resolve'],
  ])('%s is %s', (address, expected) => {
    expect(verdict(address)).toBe(expected);
  });

  it('without networks, an unlisted name is denied outright', () => {
    expect(ForwarderAddressPolicy.parse('matchmaker').check('other:9090')).toBe('denied');
    expect(ForwarderAddressPolicy.parse('matchmaker').check('matchmaker:9090')).toBe('allowed');
  });

  it('allows everything with *, and checks resolved addresses against the networks', () => {
    expect(ForwarderAddressPolicy.allowAll().check('unix:/x')).toBe('allowed');
    expect(policy.allowsIp('10.9.9.9')).toBe(true);
    expect(policy.allowsIp('192.168.0.1')).toBe(false);
  });

  it.each(['10.0.0.0/33', 'bad_host', '*.', '1.2.3.4/8/9'])('refuses the entry %s', (entry) => {
    expect(() => ForwarderAddressPolicy.parse(entry)).toThrow(`invalid forwarder address entry: ${entry}`);
  });

  it('reports a denied address under the forwarder, and lets a name to resolve through validation', () => {
    const forwarderAddresses = ForwarderAddressPolicy.parse('10.0.0.0/8');
    const denied = withForwarder({ address: '127.0.0.1:9090' });
    expect(() => validateScheduler(denied, { forwarderAddresses })).toThrow(
      'Scheduler.Forwarders[0].Address: Address must be a host or network allowed for forwarders',
    );
    expect(() => validateScheduler(withForwarder({ address: 'matchmaker:9090' }), { forwarderAddresses })).not.toThrow();
    expect(() => validateScheduler(denied)).not.toThrow();
  });
});
