import { aContainer, aFixedBufferAutoscaling, aForwarder, aPort, aRoomOccupancyAutoscaling, aScheduler } from '@maestro/testing';
import type { Scheduler } from '../entities/scheduler';
import { type GoObject, formatGoTime, fromGoScheduler, fromGoSchedulerConfig, toGoScheduler, toGoSchedulerConfig } from './scheduler-go-shape';

const columnsOf = (s: Scheduler) => ({
  name: s.name,
  game: s.game,
  state: s.state,
  version: s.spec.version,
  rollbackVersion: s.rollbackVersion,
  createdAt: s.createdAt,
});

/** A scheduler using every optional part of the model. */
const aRichScheduler = () =>
  aScheduler()
    .withContainers(
      aContainer({
        environment: [
          { name: 'PLAIN', value: 'x' },
          { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'SECRET', valueFrom: { secretKeyRef: { name: 'creds', key: 'token' } } },
        ],
        ports: [aPort({ hostPort: 7000, hostPortRange: { start: 10000, end: 10100 } }), aPort({ name: 'tcp', protocol: 'tcp', port: 80 })],
      }),
      aContainer({ name: 'sidecar', command: [], environment: [], ports: [] }),
    )
    .withAutoscaling(aRoomOccupancyAutoscaling({ max: -1, cooldown: 30 }))
    .withForwarders(aForwarder({ options: { timeoutMs: 5000, metadata: { roomType: 'green', n: 2 } } }), aForwarder({ name: 'bare', options: undefined }))
    .withAnnotations({})
    .withLabels({ team: 'a' })
    .withLastDownscaleAt(new Date('2026-03-04T05:06:07.120Z'))
    .withMaxMatches(3)
    .with({ rollbackVersion: 'v1.0.0', state: 'in-sync' })
    .build();

describe('scheduler Go shape', () => {
  it('writes the YAML column fields with Go names, nanoseconds and nil for absent parts', () => {
    const go = toGoSchedulerConfig(aScheduler().withPortRange(undefined).withAnnotations(undefined).withLabels({}).build());
    expect(go).toMatchObject({
      TerminationGracePeriod: 100_000_000_000,
      PortRange: null,
      Autoscaling: null,
      Annotations: null,
      Labels: {},
      Forwarders: [],
      LastDownscaleAt: '0001-01-01T00:00:00Z',
      MatchAllocation: { MaxMatches: 1 },
    });
    expect(go).not.toHaveProperty('Name');
    expect(go).not.toHaveProperty('Version');
  });

  it('keeps the lower-case keys of Kubernetes env sources and the millisecond number as forwarder timeout', () => {
    const go = toGoScheduler(aRichScheduler());
    const containers = (go.Spec as GoObject).Containers as GoObject[];
    expect(containers[0].Environment).toEqual([
      { Name: 'PLAIN', Value: 'x', ValueFrom: null },
      { Name: 'POD', Value: '', ValueFrom: { FieldRef: { fieldPath: 'metadata.name' }, SecretKeyRef: null } },
      { Name: 'SECRET', Value: '', ValueFrom: { FieldRef: null, SecretKeyRef: { name: 'creds', key: 'token' } } },
    ]);
    expect(containers[1]).toMatchObject({ Command: null, Environment: null, Ports: null });
    expect(go.Forwarders).toEqual([
      { Name: 'matchmaker', Enabled: true, ForwardType: 'gRPC', Address: '127.0.0.1:9090', Options: { Timeout: 5000, Metadata: { roomType: 'green', n: 2 } } },
      { Name: 'bare', Enabled: true, ForwardType: 'gRPC', Address: '127.0.0.1:9090', Options: null },
    ]);
  });

  it('writes the whole entity as SchedulerEntityJSON', () => {
    const go = toGoScheduler(aRichScheduler());
    expect(Object.keys(go)).toEqual([
      'Name',
      'Game',
      'State',
      'RollbackVersion',
      'Spec',
      'Autoscaling',
      'PortRange',
      'RoomsReplicas',
      'CreatedAt',
      'LastDownscaleAt',
      'MaxSurge',
      'Forwarders',
      'Annotations',
      'Labels',
      'MatchAllocation',
    ]);
    expect(Object.keys(go.Spec as GoObject)).toEqual(['Version', 'TerminationGracePeriod', 'Containers', 'Toleration', 'Affinity', 'RestartPolicy']);
    expect(go).toMatchObject({ CreatedAt: '2026-01-02T10:00:00Z', LastDownscaleAt: '2026-03-04T05:06:07.12Z', MatchAllocation: { MaxMatches: 3 } });
    expect(go.Autoscaling).toEqual({
      Enabled: true,
      Min: 1,
      Max: -1,
      Cooldown: 30,
      Policy: { Type: 'roomOccupancy', Parameters: { RoomOccupancy: { ReadyTarget: 0.5, DownThreshold: 0.99 }, FixedBuffer: null } },
    });
  });

  it('round-trips every field through the entity JSON, also after a JSON text round trip', () => {
    for (const scheduler of [aRichScheduler(), aScheduler().withAutoscaling(aFixedBufferAutoscaling()).build(), aScheduler().build()]) {
      expect(fromGoScheduler(toGoScheduler(scheduler))).toEqual(scheduler);
      expect(fromGoScheduler(JSON.parse(JSON.stringify(toGoScheduler(scheduler))) as GoObject)).toEqual(scheduler);
    }
  });

  it('round-trips the YAML column fields completed by the row columns', () => {
    const scheduler = aRichScheduler();
    expect(fromGoSchedulerConfig(toGoSchedulerConfig(scheduler), columnsOf(scheduler))).toEqual(scheduler);
  });

  it('keeps the rollback threshold everywhere and the rollout watch in the YAML column only (not in Maestro)', () => {
    const rollout = {
      version: 'v2.0.0',
      previousVersion: 'v1.0.0',
      startedAt: new Date('2026-01-02T10:00:00Z'),
      fleetSize: 4,
      failedRooms: [{ id: 'r1', description: 'status error' }],
    };
    const scheduler = { ...aRichScheduler(), rollbackThreshold: '10%', rollout };
    expect(fromGoSchedulerConfig(toGoSchedulerConfig(scheduler), columnsOf(scheduler))).toEqual(scheduler);
    expect(toGoSchedulerConfig(scheduler)).toMatchObject({
      RollbackThreshold: '10%',
      Rollout: { Version: 'v2.0.0', FailedRooms: [{ ID: 'r1', Description: 'status error' }] },
    });
    expect(fromGoScheduler(toGoScheduler(scheduler))).toEqual({ ...scheduler, rollout: undefined });
    expect(Object.keys(toGoSchedulerConfig(aRichScheduler()))).not.toContain('RollbackThreshold');
  });

  it('keeps nil and empty maps apart', () => {
    const nil = fromGoSchedulerConfig({ Annotations: null }, columnsOf(aScheduler().build()));
    const empty = fromGoSchedulerConfig({ Annotations: {}, Labels: {} }, columnsOf(aScheduler().build()));
    expect(nil.annotations).toBeUndefined();
    expect(nil.labels).toBeUndefined();
    expect(empty.annotations).toEqual({});
    expect(empty.labels).toEqual({});
  });

  it('reads keys case-insensitively, as Go does', () => {
    const read = fromGoSchedulerConfig(
      { terminationGracePeriod: 5, roomsreplicas: 2, MATCHALLOCATION: { maxmatches: 4 }, portRange: { start: 1, end: 2 } },
      columnsOf(aScheduler().build()),
    );
    expect(read).toMatchObject({ roomsReplicas: 2, matchAllocation: { maxMatches: 4 }, portRange: { start: 1, end: 2 } });
    expect(read.spec.terminationGracePeriodNs).toBe(5);
  });

  it('reads a missing MatchAllocation as one match but keeps an explicit zero', () => {
    const columns = columnsOf(aScheduler().build());
    expect(fromGoSchedulerConfig({}, columns).matchAllocation).toEqual({ maxMatches: 1 });
    expect(fromGoSchedulerConfig({ MatchAllocation: null }, columns).matchAllocation).toEqual({ maxMatches: 1 });
    expect(fromGoSchedulerConfig({ MatchAllocation: { MaxMatches: 0 } }, columns).matchAllocation).toEqual({ maxMatches: 0 });
  });

  it('reads missing or unreadable times as the Go zero time', () => {
    const read = fromGoScheduler({ Name: 's', LastDownscaleAt: 'not a time' });
    expect(read.lastDownscaleAt.toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(read.createdAt.toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(read.spec.restartPolicy).toBe('');
  });

  it('prints times like Go RFC3339Nano', () => {
    expect(formatGoTime(new Date('2026-01-02T10:00:00.000Z'))).toBe('2026-01-02T10:00:00Z');
    expect(formatGoTime(new Date('2026-01-02T10:00:00.100Z'))).toBe('2026-01-02T10:00:00.1Z');
    expect(formatGoTime(new Date('2026-01-02T10:00:00.123Z'))).toBe('2026-01-02T10:00:00.123Z');
  });
});
