import { ManagementApiHarness, aSchedulerBody } from '../testing/management-api.harness';

type Body = ReturnType<typeof aSchedulerBody>;
const container = (b: Body) => b.spec.containers[0];
const port = (b: Body) => container(b).ports[0];
const occupancy = (readyTarget: number, downThreshold?: number) => ({
  enabled: true,
  min: 1,
  max: 10,
  cooldown: 0,
  policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget, downThreshold } } },
});

/** One row per validation rule of management-api.md section 5: [rule, change to a valid body, message]. */
const RULES: [string, (b: Body) => void, string][] = [
  ['name required', (b) => (b.name = ''), 'Scheduler.Name: Name is a required field'],
  ['name RFC 1123 characters', (b) => (b.name = 'Bad_Name'), 'Scheduler.Name: Name must follow the public RFC 1123 about naming conventions'],
  ['name must not end with -', (b) => (b.name = 'ends-'), 'Scheduler.Name: Name must follow the public RFC 1123'],
  ['name at most 63 characters', (b) => (b.name = 'a'.repeat(64)), 'Scheduler.Name: Name must follow the public RFC 1123'],
  ['game required', (b) => (b.game = ''), 'Scheduler.Game: Game is a required field'],
  ['maxSurge required', (b) => (b.maxSurge = ''), 'Scheduler.MaxSurge: MaxSurge is a required field'],
  [
    'maxSurge number at least 1',
    (b) => (b.maxSurge = '0'),
    "Scheduler.MaxSurge: MaxSurge must be a number greater than zero or a number greater than zero with suffix '%'",
  ],
  ['maxSurge not a number', (b) => (b.maxSurge = 'ten'), 'Scheduler.MaxSurge: MaxSurge must be a number greater than zero'],
  [
    'rollbackThreshold (not in Maestro) rooms or a percentage',
    (b) => (b.rollbackThreshold = '150%'),
    'Scheduler.RollbackThreshold: RollbackThreshold must be a number of rooms from 0 to 1000 or a percentage from 1% to 100%',
  ],
  ['roomsReplicas at least 0', (b) => (b.roomsReplicas = -1), 'Scheduler.RoomsReplicas: RoomsReplicas must be 0 or greater'],
  [
    'terminationGracePeriod positive',
    (b) => (b.spec.terminationGracePeriod = '0s'),
    'Scheduler.Spec.TerminationGracePeriod: TerminationGracePeriod must be greater than 0',
  ],
  ['containers required', (b) => (b.spec.containers = []), 'Scheduler.Spec.Containers: Containers is a required field'],
  ['container name required', (b) => (container(b).name = ''), 'Scheduler.Spec.Containers[0].Name: Name is a required field'],
  ['container name RFC 1123', (b) => (container(b).name = 'Game'), 'Scheduler.Spec.Containers[0].Name: Name must follow the public RFC 1123'],
  ['container image required', (b) => (container(b).image = ''), 'Scheduler.Spec.Containers[0].Image: Image is a required field'],
  ['imagePullPolicy required', (b) => (container(b).imagePullPolicy = ''), 'Scheduler.Spec.Containers[0].ImagePullPolicy: ImagePullPolicy is a required field'],
  [
    'imagePullPolicy one of',
    (b) => (container(b).imagePullPolicy = 'always'),
    'Scheduler.Spec.Containers[0].ImagePullPolicy: ImagePullPolicy must be one of the following options: Always, Never, IfNotPresent',
  ],
  [
    'environment name required',
    (b) => (container(b).environment = [{ value: 'x' }]),
    'Scheduler.Spec.Containers[0].Environment[0].Name: Name is a required field',
  ],
  ['requests memory required', (b) => (container(b).requests.memory = ''), 'Scheduler.Spec.Containers[0].Requests.Memory: Memory is a required field'],
  ['requests cpu required', (b) => (container(b).requests.cpu = ''), 'Scheduler.Spec.Containers[0].Requests.CPU: CPU is a required field'],
  ['limits memory required', (b) => (container(b).limits.memory = ''), 'Scheduler.Spec.Containers[0].Limits.Memory: Memory is a required field'],
  ['limits cpu required', (b) => (container(b).limits.cpu = ''), 'Scheduler.Spec.Containers[0].Limits.CPU: CPU is a required field'],
  ['port name required', (b) => (port(b).name = ''), 'Scheduler.Spec.Containers[0].Ports[0].Name: Name is a required field'],
  [
    'port name at most 15 characters',
    (b) => (port(b).name = 'a'.repeat(16)),
    'Scheduler.Spec.Containers[0].Ports[0].Name: Name must be a maximum of 15 characters',
  ],
  ['port protocol required', (b) => (port(b).protocol = ''), 'Scheduler.Spec.Containers[0].Ports[0].Protocol: Protocol is a required field'],
  [
    'port protocol one of',
    (b) => (port(b).protocol = 'TCP'),
    'Scheduler.Spec.Containers[0].Ports[0].Protocol: Protocol must be one of the following options: tcp, udp, sctp',
  ],
  ['port number required', (b) => (port(b).port = 0), 'Scheduler.Spec.Containers[0].Ports[0].Port: Port is a required field'],
  [
    'hostPortRange start below end',
    (b) => {
      delete b.portRange;
      port(b).hostPortRange = { start: 5, end: 5 };
    },
    'Scheduler.Spec.Containers[0].Ports[0].HostPortRange.Start: Start must be less than End',
  ],
  ['portRange start below end', (b) => (b.portRange = { start: 100, end: 100 }), 'Scheduler.PortRange.Start: Start must be less than End'],
  ['portRange or hostPortRange needed', (b) => delete b.portRange, 'must configure scheduler.PortRange or scheduler.Spec.Container.Ports.HostPortRange'],
  [
    'portRange and hostPortRange exclusive',
    (b) => (port(b).hostPortRange = { start: 1, end: 5 }),
    'scheduler.PortRange and scheduler.Spec.Container.Ports.HostPortRange are mutually exclusive configurations; please choose only one',
  ],
  [
    'hostPortRange on every port',
    (b) => {
      delete b.portRange;
      container(b).ports.push({ name: 'other', protocol: 'tcp', port: 1, hostPortRange: { start: 1, end: 5 } });
    },
    'must configure HostPortRange for all scheduler.Spec.Container.Ports',
  ],
  [
    'forwarder name required',
    (b) => (b.forwarders = [{ enable: true, type: 'gRPC', address: 'a:1' }]),
    'Scheduler.Forwarders[0].Name: Name is a required field',
  ],
  [
    'forwarder type gRPC',
    (b) => (b.forwarders = [{ name: 'f', enable: true, type: 'http', address: 'a:1' }]),
    'Scheduler.Forwarders[0].ForwardType: ForwardType must be one of the following options: gRPC',
  ],
  [
    'forwarder type required',
    (b) => (b.forwarders = [{ name: 'f', enable: true, address: 'a:1' }]),
    'Scheduler.Forwarders[0].ForwardType: ForwardType is a required field',
  ],
  [
    'forwarder address required',
    (b) => (b.forwarders = [{ name: 'f', enable: true, type: 'gRPC' }]),
    'Scheduler.Forwarders[0].Address: Address is a required field',
  ],
  [
    'forwarder timeout required',
    (b) => (b.forwarders = [{ name: 'f', enable: true, type: 'gRPC', address: 'a:1', options: { timeout: '0' } }]),
    'Scheduler.Forwarders[0].Options.Timeout: Timeout is a required field',
  ],
  ['autoscaling min at least 1', (b) => (b.autoscaling = { ...occupancy(0.5), min: 0 }), 'Autoscaling.Min: Min must be 1 or greater'],
  ['autoscaling min not above max', (b) => (b.autoscaling = { ...occupancy(0.5), min: 5, max: 2 }), 'Autoscaling.Min: Min must be a number lower than Max'],
  ['autoscaling max at least -1', (b) => (b.autoscaling = { ...occupancy(0.5), max: -2 }), 'Autoscaling.Max: Max must be -1 or greater'],
  ['autoscaling cooldown at least 0', (b) => (b.autoscaling = { ...occupancy(0.5), cooldown: -1 }), 'Autoscaling.Cooldown: Cooldown must be 0 or greater'],
  [
    'policy type required even when disabled',
    (b) => (b.autoscaling = { enabled: false, min: 1, max: 2, cooldown: 0, policy: {} }),
    'Autoscaling.Policy.Type: Type must be one of [roomOccupancy fixedBuffer schedule webhook]',
  ],
  [
    'policy type one of',
    (b) => (b.autoscaling = { ...occupancy(0.5), policy: { type: 'magic', parameters: {} } }),
    'Autoscaling.Policy.Type: Type must be one of [roomOccupancy fixedBuffer schedule webhook]',
  ],
  [
    'roomOccupancy parameters required',
    (b) => (b.autoscaling = { ...occupancy(0.5), policy: { type: 'roomOccupancy', parameters: {} } }),
    'RoomOccupancy must not be nil for RoomOccupancy policy type',
  ],
  [
    'fixedBuffer parameters required',
    (b) => (b.autoscaling = { ...occupancy(0.5), policy: { type: 'fixedBuffer', parameters: {} } }),
    'FixedBuffer must not be nil for FixedBuffer policy type',
  ],
  ['readyTarget above 0', (b) => (b.autoscaling = occupancy(0)), 'Autoscaling.Policy.Parameters.RoomOccupancy.ReadyTarget: ReadyTarget must be greater than 0'],
  ['readyTarget below 1', (b) => (b.autoscaling = occupancy(1)), 'Autoscaling.Policy.Parameters.RoomOccupancy.ReadyTarget: ReadyTarget must be less than 1'],
  [
    'downThreshold below 1',
    (b) => (b.autoscaling = occupancy(0.5, 1.5)),
    'Autoscaling.Policy.Parameters.RoomOccupancy.DownThreshold: DownThreshold must be less than 1',
  ],
  [
    'fixedBuffer amount above 0',
    (b) => (b.autoscaling = { ...occupancy(0.5), policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 0 } } } }),
    'Autoscaling.Policy.Parameters.FixedBuffer.Amount: Amount must be greater than 0',
  ],
  ['maxMatches required', (b) => (b.matchAllocation = { maxMatches: 0 }), 'Scheduler.MatchAllocation.MaxMatches: MaxMatches is a required field'],
  ['maxMatches at most 35', (b) => (b.matchAllocation = { maxMatches: 36 }), 'Scheduler.MatchAllocation.MaxMatches: MaxMatches must be 35 or less'],
  ['maxMatches at least 1', (b) => (b.matchAllocation = { maxMatches: -1 }), 'Scheduler.MatchAllocation.MaxMatches: MaxMatches must be 1 or greater'],
];

describe('POST /schedulers validation (one case per rule)', () => {
  let api: ManagementApiHarness;

  beforeAll(async () => {
    api = await ManagementApiHarness.start();
  });

  afterAll(() => api.stop());

  it.each(RULES)('%s: 400 naming the field, nothing stored', async (_rule, change, message) => {
    const body = aSchedulerBody('validation-case');
    change(body);
    const response = await api.request('POST', '/schedulers', body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(3);
    expect(response.body.message).toContain(message);
    expect(response.body.details).toEqual([]);
    const lookupName = typeof body.name === 'string' && body.name ? body.name : 'validation-case';
    expect((await api.request('GET', `/schedulers/${lookupName}`)).status).toBe(404);
    expect((await api.request('GET', '/schedulers')).body.schedulers).toEqual([]);
  });

  it('reports autoscaling issues alone first, then every failing field at once', async () => {
    const withBoth = aSchedulerBody('phases');
    withBoth.autoscaling = { ...occupancy(0.5), min: 0 };
    withBoth.game = '';
    expect((await api.request('POST', '/schedulers', withBoth)).body.message).toBe('Validation Error:\nAutoscaling.Min: Min must be 1 or greater');
    const twoFields = aSchedulerBody('phases');
    twoFields.game = '';
    twoFields.maxSurge = '0';
    expect((await api.request('POST', '/schedulers', twoFields)).body.message).toBe(
      "Validation Error:\nScheduler.Game: Game is a required field\nScheduler.MaxSurge: MaxSurge must be a number greater than zero or a number greater than zero with suffix '%'",
    );
  });

  it('rejects wrong JSON types with 400 naming the field', async () => {
    const body = aSchedulerBody('types');
    body.maxSurge = 40;
    body.spec.containers[0].ports[0].port = 'eighty';
    const response = await api.request('POST', '/schedulers', body);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('maxSurge: maxSurge must be a string');
    expect(response.body.message).toContain('spec.containers[0].ports[0].port:');
  });

  it('accepts "%" max surges of any integer (Maestro quirk) and snake_case field names', async () => {
    const body = aSchedulerBody('quirky');
    delete body.maxSurge;
    body.max_surge = '0%';
    delete body.roomsReplicas;
    body.rooms_replicas = 2;
    const response = await api.request('POST', '/schedulers', body);
    expect(response.status).toBe(200);
    expect(response.body.scheduler.maxSurge).toBe('0%');
    expect(response.body.scheduler.roomsReplicas).toBe(2);
  });
});
