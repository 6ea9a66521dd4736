import { createHmac } from 'node:crypto';
import { aContainer } from '@maestro/testing';
import { buildContainer, envVar, isQuantity, portProtocol, resourceList } from './container-builder';

describe('spec container -> pod container (runtime-kubernetes.md 3.2)', () => {
  it('copies name, image, pull policy and command (as `command`, not `args`)', () => {
    const container = buildContainer(aContainer({ name: 'game', image: 'repo/game:1', imagePullPolicy: 'Always', command: ['./run', '--flag'] }), 's', 'r');
    expect(container).toMatchObject({ name: 'game', image: 'repo/game:1', imagePullPolicy: 'Always', command: ['./run', '--flag'] });
    expect(container).not.toHaveProperty('args');
  });

  it('omits an empty command and pull policy', () => {
    const container = buildContainer(aContainer({ imagePullPolicy: '', command: [] }), 's', 'r');
    expect(container).not.toHaveProperty('command');
    expect(container).not.toHaveProperty('imagePullPolicy');
  });

  it('maps ports with their allocated host ports', () => {
    const ports = [
      { name: 'game', protocol: 'udp', port: 7777, hostPort: 40001 },
      { name: 'tcp', protocol: 'TCP', port: 8080, hostPort: 40002 },
    ];
    expect(buildContainer(aContainer({ ports }), 's', 'r').ports).toEqual([
      { name: 'game', protocol: 'UDP', containerPort: 7777, hostPort: 40001 },
      { name: 'tcp', protocol: 'TCP', containerPort: 8080, hostPort: 40002 },
    ]);
  });

  it.each([
    ['tcp', 'TCP'],
    ['TCP', 'TCP'],
    ['Tcp', 'TCP'],
    ['udp', 'UDP'],
    ['UDP', 'UDP'],
  ])('protocol %s -> %s', (given, expected) => {
    expect(portProtocol(given)).toBe(expected);
  });

  it.each(['sctp', 'SCTP', 'http', ''])('refuses protocol %j', (protocol) => {
    expect(() => portProtocol(protocol)).toThrow(`invalid port protocol "${protocol}"`);
    const container = aContainer({ ports: [{ name: 'p', protocol, port: 1, hostPort: 0 }] });
    expect(() => buildContainer(container, 's', 'r')).toThrow(expect.objectContaining({ kind: 'invalid_argument' }));
  });

  it.each([
    [
      { name: 'A', value: '1' },
      { name: 'A', value: '1' },
    ],
    [
      { name: 'S', valueFrom: { secretKeyRef: { name: 'secret', key: 'key' } } },
      { name: 'S', valueFrom: { secretKeyRef: { name: 'secret', key: 'key' } } },
    ],
    [
      { name: 'F', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'F', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
    ],
    [{ name: 'N' }, { name: 'N' }],
  ])('env %j', (given, expected) => {
    expect(envVar(given)).toEqual(expected);
  });

  it('appends MAESTRO_SCHEDULER_NAME and MAESTRO_ROOM_ID after the configured variables', () => {
    const container = buildContainer(
      aContainer({
        environment: [
          { name: 'B', value: '2' },
          { name: 'A', value: '1' },
        ],
      }),
      'sched',
      'sched-abcde',
    );
    expect(container.env).toEqual([
      { name: 'B', value: '2' },
      { name: 'A', value: '1' },
      { name: 'MAESTRO_SCHEDULER_NAME', value: 'sched' },
      { name: 'MAESTRO_ROOM_ID', value: 'sched-abcde' },
    ]);
  });

  it("appends the room's MAESTRO_ROOM_TOKEN, HMAC-SHA256 of <scheduler>/<room> in base64url, given the rooms' secret", () => {
    const container = buildContainer(aContainer({ environment: [] }), 'sched', 'sched-abcde', 'a-rooms-secret-0123456789');
    const expected = createHmac('sha256', 'a-rooms-secret-0123456789').update('sched/sched-abcde').digest('base64url');
    expect(container.env?.at(-1)).toEqual({ name: 'MAESTRO_ROOM_TOKEN', value: expected });
    expect(buildContainer(aContainer({ environment: [] }), 'sched', 'sched-abcde').env?.map((e) => e.name)).not.toContain('MAESTRO_ROOM_TOKEN');
  });

  it('sets requests and limits, leaving out empty values', () => {
    const container = buildContainer(aContainer({ requests: { cpu: '100m', memory: '' }, limits: { cpu: '', memory: '1Gi' } }), 's', 'r');
    expect(container.resources).toEqual({ requests: { cpu: '100m' }, limits: { memory: '1Gi' } });
    expect(resourceList({ cpu: '', memory: '' })).toEqual({});
  });

  it.each(['100m', '1', '0.5', '.5', '2.', '1Gi', '512Mi', '1k', '1M', '1e3', '1E-2', '+1', '-1', '10n', '10u'])('accepts the quantity %s', (value) => {
    expect(isQuantity(value)).toBe(true);
  });

  it.each(['lots', '1mi', '1 Gi', '1GiB', 'm', '1.2.3', '1e', 'Gi'])('refuses the quantity %j', (value) => {
    expect(isQuantity(value)).toBe(false);
  });

  it('fails on an unparsable cpu or memory, naming it', () => {
    expect(() => resourceList({ cpu: 'lots', memory: '1Mi' })).toThrow('failed to parse resource "cpu" = "lots"');
    expect(() => buildContainer(aContainer({ limits: { cpu: '1', memory: '1GB!' } }), 's', 'r')).toThrow('failed to parse resource "memory" = "1GB!"');
  });
});
