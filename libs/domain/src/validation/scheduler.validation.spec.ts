import { aContainer, aFixedBufferAutoscaling, aForwarder, aPort, aRoomOccupancyAutoscaling, aScheduler } from '@maestro/testing';
import type { Autoscaling, Container, Scheduler } from '../entities/scheduler';
import { InvalidArgumentError } from '../errors/domain-error';
import { validatePatchedScheduler, validateScheduler } from './scheduler.validation';

function failureOf(run: () => void): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

const errorOf = (s: Scheduler) => failureOf(() => validateScheduler(s));
const withContainer = (c: Partial<Container>) => aScheduler().withContainers(aContainer(c)).build();
const withAutoscaling = (a: Partial<Autoscaling>) => aScheduler().withAutoscaling(aRoomOccupancyAutoscaling(a)).build();
const withPolicy = (policy: Autoscaling['policy']) => withAutoscaling({ policy });

describe('validateScheduler: one rule per test, exact Maestro line (management-api.md 5)', () => {
  it.each<[string, () => Scheduler, string]>([
    ['name required', () => aScheduler().withName('').build(), 'Scheduler.Name: Name is a required field'],
    ['name upper case', () => aScheduler().withName('My-sched').build(), 'Scheduler.Name: Name must follow the public RFC 1123 about naming conventions'],
    ['name ending with -', () => aScheduler().withName('sched-').build(), 'Scheduler.Name: Name must follow the public RFC 1123 about naming conventions'],
    ['name starting with -', () => aScheduler().withName('-sched').build(), 'Scheduler.Name: Name must follow the public RFC 1123 about naming conventions'],
    ['name with _', () => aScheduler().withName('my_sched').build(), 'Scheduler.Name: Name must follow the public RFC 1123 about naming conventions'],
    [
      'name of 64 characters',
      () => aScheduler().withName('a'.repeat(64)).build(),
      'Scheduler.Name: Name must follow the public RFC 1123 about naming conventions',
    ],
    ['game required', () => aScheduler().withGame('').build(), 'Scheduler.Game: Game is a required field'],
    [
      'state required',
      () =>
        aScheduler()
          .with({ state: '' as Scheduler['state'] })
          .build(),
      'Scheduler.State: State is a required field',
    ],
    ['spec version required', () => aScheduler().withVersion('').build(), 'Scheduler.Spec.Version: Version is a required field'],
    ['spec version semver', () => aScheduler().withVersion('one').build(), 'Scheduler.Spec.Version: Version must follow the semantic version pattern'],
    [
      'terminationGracePeriod 0',
      () => aScheduler().withTerminationGracePeriodNs(0).build(),
      'Scheduler.Spec.TerminationGracePeriod: TerminationGracePeriod must be greater than 0',
    ],
    [
      'terminationGracePeriod negative',
      () => aScheduler().withTerminationGracePeriodNs(-1).build(),
      'Scheduler.Spec.TerminationGracePeriod: TerminationGracePeriod must be greater than 0',
    ],
    ['containers required', () => aScheduler().withContainers().build(), 'Scheduler.Spec.Containers: Containers is a required field'],
    ['container name required', () => withContainer({ name: '' }), 'Scheduler.Spec.Containers[0].Name: Name is a required field'],
    [
      'container name RFC 1123',
      () => withContainer({ name: 'Game' }),
      'Scheduler.Spec.Containers[0].Name: Name must follow the public RFC 1123 about naming conventions',
    ],
    ['container image required', () => withContainer({ image: '' }), 'Scheduler.Spec.Containers[0].Image: Image is a required field'],
    ['pull policy required', () => withContainer({ imagePullPolicy: '' }), 'Scheduler.Spec.Containers[0].ImagePullPolicy: ImagePullPolicy is a required field'],
    [
      'pull policy case-sensitive',
      () => withContainer({ imagePullPolicy: 'always' }),
      'Scheduler.Spec.Containers[0].ImagePullPolicy: ImagePullPolicy must be one of the following options: Always, Never, IfNotPresent',
    ],
    [
      'env name required',
      () =>
        withContainer({
          environment: [
            { name: 'A', value: '1' },
            { name: '', value: 'x' },
          ],
        }),
      'Scheduler.Spec.Containers[0].Environment[1].Name: Name is a required field',
    ],
    [
      'requests memory',
      () => withContainer({ requests: { memory: '', cpu: '1' } }),
      'Scheduler.Spec.Containers[0].Requests.Memory: Memory is a required field',
    ],
    ['requests cpu', () => withContainer({ requests: { memory: '1Mi', cpu: '' } }), 'Scheduler.Spec.Containers[0].Requests.CPU: CPU is a required field'],
    ['limits memory', () => withContainer({ limits: { memory: '', cpu: '1' } }), 'Scheduler.Spec.Containers[0].Limits.Memory: Memory is a required field'],
    ['limits cpu', () => withContainer({ limits: { memory: '1Mi', cpu: '' } }), 'Scheduler.Spec.Containers[0].Limits.CPU: CPU is a required field'],
    ['port name required', () => withContainer({ ports: [aPort({ name: '' })] }), 'Scheduler.Spec.Containers[0].Ports[0].Name: Name is a required field'],
    [
      'port name of 16 characters',
      () => withContainer({ ports: [aPort({ name: 'p'.repeat(16) })] }),
      'Scheduler.Spec.Containers[0].Ports[0].Name: Name must be a maximum of 15 characters',
    ],
    [
      'port protocol required',
      () => withContainer({ ports: [aPort({ protocol: '' })] }),
      'Scheduler.Spec.Containers[0].Ports[0].Protocol: Protocol is a required field',
    ],
    [
      'port protocol lower case',
      () => withContainer({ ports: [aPort({ protocol: 'TCP' })] }),
      'Scheduler.Spec.Containers[0].Ports[0].Protocol: Protocol must be one of the following options: tcp, udp, sctp',
    ],
    ['port number required', () => withContainer({ ports: [aPort({ port: 0 })] }), 'Scheduler.Spec.Containers[0].Ports[0].Port: Port is a required field'],
    [
      'hostPortRange start < end',
      () =>
        aScheduler()
          .withPortRange(undefined)
          .withContainers(aContainer({ ports: [aPort({ hostPortRange: { start: 5, end: 5 } })] }))
          .build(),
      'Scheduler.Spec.Containers[0].Ports[0].HostPortRange.Start: Start must be less than End',
    ],
    ['portRange start < end', () => aScheduler().withPortRange({ start: 40000, end: 40000 }).build(), 'Scheduler.PortRange.Start: Start must be less than End'],
    ['roomsReplicas >= 0', () => aScheduler().withRoomsReplicas(-1).build(), 'Scheduler.RoomsReplicas: RoomsReplicas must be 0 or greater'],
    ['maxSurge required', () => aScheduler().withMaxSurge('').build(), 'Scheduler.MaxSurge: MaxSurge is a required field'],
    [
      'rollbackThreshold (not in Maestro) a room count or a percentage',
      () => ({ ...aScheduler().build(), rollbackThreshold: '150%' }),
      'Scheduler.RollbackThreshold: RollbackThreshold must be a number of rooms from 0 to 1000 or a percentage from 1% to 100%',
    ],
    [
      'maxSurge 0 without %',
      () => aScheduler().withMaxSurge('0').build(),
      "Scheduler.MaxSurge: MaxSurge must be a number greater than zero or a number greater than zero with suffix '%'",
    ],
    [
      'maxSurge not an integer',
      () => aScheduler().withMaxSurge('1.5').build(),
      "Scheduler.MaxSurge: MaxSurge must be a number greater than zero or a number greater than zero with suffix '%'",
    ],
    [
      'maxSurge with two %',
      () => aScheduler().withMaxSurge('10%%').build(),
      "Scheduler.MaxSurge: MaxSurge must be a number greater than zero or a number greater than zero with suffix '%'",
    ],
    [
      'maxSurge beyond int64',
      () => aScheduler().withMaxSurge('9223372036854775808').build(),
      "Scheduler.MaxSurge: MaxSurge must be a number greater than zero or a number greater than zero with suffix '%'",
    ],
    [
      'forwarder name required',
      () =>
        aScheduler()
          .withForwarders(aForwarder({ name: '' }))
          .build(),
      'Scheduler.Forwarders[0].Name: Name is a required field',
    ],
    [
      'forwarder type required',
      () =>
        aScheduler()
          .withForwarders(aForwarder({ forwardType: '' }))
          .build(),
      'Scheduler.Forwarders[0].ForwardType: ForwardType is a required field',
    ],
    [
      'forwarder type exactly gRPC',
      () =>
        aScheduler()
          .withForwarders(aForwarder({ forwardType: 'grpc' }))
          .build(),
      'Scheduler.Forwarders[0].ForwardType: ForwardType must be one of the following options: gRPC',
    ],
    [
      'forwarder address required',
      () =>
        aScheduler()
          .withForwarders(aForwarder(), aForwarder({ address: '' }))
          .build(),
      'Scheduler.Forwarders[1].Address: Address is a required field',
    ],
    [
      'forwarder timeout required when options are present',
      () =>
        aScheduler()
          .withForwarders(aForwarder({ options: { timeoutMs: 0, metadata: {} } }))
          .build(),
      'Scheduler.Forwarders[0].Options.Timeout: Timeout is a required field',
    ],
    ['maxMatches required', () => aScheduler().withMaxMatches(0).build(), 'Scheduler.MatchAllocation.MaxMatches: MaxMatches is a required field'],
    ['maxMatches >= 1', () => aScheduler().withMaxMatches(-1).build(), 'Scheduler.MatchAllocation.MaxMatches: MaxMatches must be 1 or greater'],
    ['maxMatches <= 35', () => aScheduler().withMaxMatches(36).build(), 'Scheduler.MatchAllocation.MaxMatches: MaxMatches must be 35 or less'],
  ])('%s', (_rule, scheduler, line) => {
    const error = errorOf(scheduler());
    expect(error.message).toBe(`Validation Error:\n${line}`);
    const at = line.indexOf(': ');
    const [path, message] = [line.slice(0, at), line.slice(at + 2)];
    expect(error.issues).toEqual([expect.objectContaining({ path, message })]);
  });

  it.each<[string, () => Scheduler, string]>([
    ['min >= 1', () => withAutoscaling({ min: 0 }), 'Autoscaling.Min: Min must be 1 or greater'],
    ['min <= max', () => withAutoscaling({ min: 5, max: 4 }), 'Autoscaling.Min: Min must be a number lower than Max'],
    ['max >= -1', () => withAutoscaling({ max: -2 }), 'Autoscaling.Max: Max must be -1 or greater'],
    ['cooldown >= 0', () => withAutoscaling({ cooldown: -1 }), 'Autoscaling.Cooldown: Cooldown must be 0 or greater'],
    [
      'policy type unknown',
      () => withPolicy({ type: 'percent', parameters: {} }),
      'Autoscaling.Policy.Type: Type must be one of [roomOccupancy fixedBuffer schedule webhook]',
    ],
    [
      'policy type empty, even disabled',
      () => withAutoscaling({ enabled: false, policy: { type: '', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.9 } } } }),
      'Autoscaling.Policy.Type: Type must be one of [roomOccupancy fixedBuffer schedule webhook]',
    ],
    [
      'roomOccupancy parameters required',
      () => withPolicy({ type: 'roomOccupancy', parameters: { fixedBuffer: { amount: 1 } } }),
      'Autoscaling.Policy.Parameters.RoomOccupancy: RoomOccupancy must not be nil for RoomOccupancy policy type',
    ],
    [
      'fixedBuffer parameters required',
      () => withPolicy({ type: 'fixedBuffer', parameters: {} }),
      'Autoscaling.Policy.Parameters.FixedBuffer: FixedBuffer must not be nil for FixedBuffer policy type',
    ],
    [
      'readyTarget > 0',
      () => withPolicy({ type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0, downThreshold: 0.9 } } }),
      'Autoscaling.Policy.Parameters.RoomOccupancy.ReadyTarget: ReadyTarget must be greater than 0',
    ],
    [
      'readyTarget < 1',
      () => withPolicy({ type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 1, downThreshold: 0.9 } } }),
      'Autoscaling.Policy.Parameters.RoomOccupancy.ReadyTarget: ReadyTarget must be less than 1',
    ],
    [
      'readyTarget checked whatever the type',
      () => withPolicy({ type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 1 }, roomOccupancy: { readyTarget: 2, downThreshold: 0.9 } } }),
      'Autoscaling.Policy.Parameters.RoomOccupancy.ReadyTarget: ReadyTarget must be less than 1',
    ],
    [
      'downThreshold > 0',
      () => withPolicy({ type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: -0.1 } } }),
      'Autoscaling.Policy.Parameters.RoomOccupancy.DownThreshold: DownThreshold must be greater than 0',
    ],
    [
      'downThreshold < 1',
      () => withPolicy({ type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 1 } } }),
      'Autoscaling.Policy.Parameters.RoomOccupancy.DownThreshold: DownThreshold must be less than 1',
    ],
    [
      'amount > 0',
      () =>
        aScheduler()
          .withAutoscaling(aFixedBufferAutoscaling({ policy: { type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 0 } } } }))
          .build(),
      'Autoscaling.Policy.Parameters.FixedBuffer.Amount: Amount must be greater than 0',
    ],
  ])('autoscaling %s (validated alone first, `Autoscaling.` namespace)', (_rule, scheduler, line) => {
    expect(errorOf(scheduler()).message).toBe(`Validation Error:\n${line}`);
  });

  it.each<[string, () => Scheduler, string]>([
    [
      'neither portRange nor hostPortRange',
      () => aScheduler().withPortRange(undefined).build(),
      'must configure scheduler.PortRange or scheduler.Spec.Container.Ports.HostPortRange',
    ],
    [
      'no portRange and a spec without ports',
      () =>
        aScheduler()
          .withPortRange(undefined)
          .withContainers(aContainer({ ports: [] }))
          .build(),
      'must configure scheduler.PortRange or scheduler.Spec.Container.Ports.HostPortRange',
    ],
    [
      'both portRange and a hostPortRange',
      () =>
        aScheduler()
          .withContainers(aContainer({ ports: [aPort({ hostPortRange: { start: 1, end: 2 } })] }))
          .build(),
      'scheduler.PortRange and scheduler.Spec.Container.Ports.HostPortRange are mutually exclusive configurations; please choose only one',
    ],
    [
      'some port without hostPortRange',
      () =>
        aScheduler()
          .withPortRange(undefined)
          .withContainers(aContainer({ ports: [aPort({ hostPortRange: { start: 1, end: 2 } }), aPort({ name: 'tcp' })] }))
          .build(),
      'must configure HostPortRange for all scheduler.Spec.Container.Ports',
    ],
  ])('port-range configuration: %s (bare sentence)', (_case, scheduler, sentence) => {
    const error = errorOf(scheduler());
    expect(error.message).toBe(sentence);
    expect(error.issues).toEqual([{ path: 'Scheduler.PortRange', message: sentence }]);
  });
});

describe('validateScheduler: accepted values', () => {
  it.each<[string, () => Scheduler]>([
    ['the builder default', () => aScheduler().build()],
    ['a name of 63 characters', () => aScheduler().withName('a'.repeat(63)).build()],
    ['maxSurge 0% (quirk)', () => aScheduler().withMaxSurge('0%').build()],
    ['maxSurge -5% (quirk)', () => aScheduler().withMaxSurge('-5%').build()],
    ['maxSurge +3', () => aScheduler().withMaxSurge('+3').build()],
    ['terminationGracePeriod of 15ns', () => aScheduler().withTerminationGracePeriodNs(15).build()],
    ['sctp ports (rejected later by the runtime)', () => withContainer({ ports: [aPort({ protocol: 'sctp' })] })],
    ['a port name of 15 characters', () => withContainer({ ports: [aPort({ name: 'p'.repeat(15) })] })],
    [
      'hostPortRange on every port and no portRange',
      () =>
        aScheduler()
          .withPortRange(undefined)
          .withContainers(aContainer({ ports: [aPort({ hostPortRange: { start: 1, end: 2 } })] }))
          .build(),
    ],
    ['autoscaling max -1 with any min', () => withAutoscaling({ min: 50, max: -1 })],
    ['autoscaling min equal to max', () => withAutoscaling({ min: 3, max: 3 })],
    [
      'forwarders without options',
      () =>
        aScheduler()
          .withForwarders(aForwarder({ options: undefined }))
          .build(),
    ],
    ['maxMatches 35', () => aScheduler().withMaxMatches(35).build()],
  ])('accepts %s', (_case, scheduler) => {
    expect(() => validateScheduler(scheduler())).not.toThrow();
  });
});

describe('validateScheduler: phases (only the first failing phase is reported)', () => {
  it('reports only the autoscaling issues when the autoscaling fails, whatever else fails', () => {
    const s = aScheduler()
      .withName('')
      .withPortRange(undefined)
      .withAutoscaling(aRoomOccupancyAutoscaling({ min: 0, max: -2 }))
      .build();
    expect(errorOf(s).message).toBe('Validation Error:\nAutoscaling.Min: Min must be 1 or greater\nAutoscaling.Max: Max must be -1 or greater');
  });

  it('lists every failing field in struct order, then never reaches the port-range rule', () => {
    const s = aScheduler()
      .withPortRange(undefined)
      .withMaxSurge('x')
      .withContainers(aContainer({ name: '' }))
      .build();
    const error = errorOf(s);
    expect(error.message).toBe(
      [
        'Validation Error:',
        'Scheduler.Spec.Containers[0].Name: Name is a required field',
        "Scheduler.MaxSurge: MaxSurge must be a number greater than zero or a number greater than zero with suffix '%'",
      ].join('\n'),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['Scheduler.Spec.Containers[0].Name', 'Scheduler.MaxSurge']);
  });

  it('names the autoscaling under Scheduler. when the autoscaling-first phase is skipped', () => {
    const s = aScheduler()
      .withAutoscaling(aRoomOccupancyAutoscaling({ cooldown: -1 }))
      .build();
    expect(failureOf(() => validateScheduler(s, { autoscalingFirst: false })).message).toBe(
      'Validation Error:\nScheduler.Autoscaling.Cooldown: Cooldown must be 0 or greater',
    );
  });
});

describe('validatePatchedScheduler', () => {
  it('reports the untranslated validator text (management-api.md 4.6)', () => {
    const s = aScheduler().withMaxSurge('x').withRoomsReplicas(-1).build();
    expect(failureOf(() => validatePatchedScheduler(s)).message).toBe(
      "invalid patched scheduler: Key: 'Scheduler.RoomsReplicas' Error:Field validation for 'RoomsReplicas' failed on the 'min' tag\n" +
        "Key: 'Scheduler.MaxSurge' Error:Field validation for 'MaxSurge' failed on the 'max_surge' tag",
    );
  });

  it('validates the autoscaling with the scheduler and then the port-range rule', () => {
    const bad = aScheduler()
      .withAutoscaling(aRoomOccupancyAutoscaling({ min: 0 }))
      .build();
    expect(failureOf(() => validatePatchedScheduler(bad)).message).toBe(
      "invalid patched scheduler: Key: 'Scheduler.Autoscaling.Min' Error:Field validation for 'Min' failed on the 'min' tag",
    );
    const noRange = aScheduler().withPortRange(undefined).build();
    expect(failureOf(() => validatePatchedScheduler(noRange)).message).toBe(
      'invalid patched scheduler: must configure scheduler.PortRange or scheduler.Spec.Container.Ports.HostPortRange',
    );
    expect(() => validatePatchedScheduler(aScheduler().build())).not.toThrow();
  });
});
