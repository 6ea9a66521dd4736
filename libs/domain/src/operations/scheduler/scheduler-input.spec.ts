import { aForwarder, aRoomOccupancyAutoscaling, aScheduler } from '@maestro/testing';
import { createNewSchedulerVersionDefinition } from './create-new-scheduler-version/create-new-scheduler-version.definition';
import { createSchedulerDefinition } from './create-scheduler/create-scheduler.definition';

/** What Maestro stores as the input of create_scheduler and create_new_scheduler_version (Go field names). */
const MAESTRO_INPUT = `{"scheduler":{"Name":"my-sched","Game":"my-game","State":"creating","RollbackVersion":"",
"Spec":{"Version":"v1.0.0","TerminationGracePeriod":100000000000,"Containers":[{"Name":"game","Image":"repo/game:1",
"ImagePullPolicy":"IfNotPresent","Command":["./run"],"Environment":[{"Name":"A","Value":"1","ValueFrom":null}],
"Requests":{"Memory":"100Mi","CPU":"100m"},"Limits":{"Memory":"200Mi","CPU":"200m"},
"Ports":[{"Name":"gameport","Protocol":"udp","Port":7777,"HostPortRange":null,"HostPort":0}]}],
"Toleration":"","Affinity":"","RestartPolicy":"Never"},"Autoscaling":null,"PortRange":{"Start":40000,"End":60000},
"RoomsReplicas":2,"CreatedAt":"2026-01-02T10:00:00.123456789Z","LastDownscaleAt":"0001-01-01T00:00:00Z","MaxSurge":"10%",
"Forwarders":null,"Annotations":{},"Labels":{},"MatchAllocation":{"MaxMatches":1}}}`;

describe.each([
  ['create_scheduler', createSchedulerDefinition],
  ['create_new_scheduler_version', createNewSchedulerVersionDefinition],
])('%s definition', (name, definition) => {
  it('is named as Maestro names it', () => {
    expect(definition.name).toBe(name);
  });

  it('reads the scheduler Maestro stores', () => {
    const { scheduler } = definition.parse(JSON.parse(MAESTRO_INPUT));
    expect(scheduler).toMatchObject({
      name: 'my-sched',
      game: 'my-game',
      state: 'creating',
      roomsReplicas: 2,
      portRange: { start: 40000, end: 60000 },
      spec: { version: 'v1.0.0', terminationGracePeriodNs: 100_000_000_000, restartPolicy: 'Never' },
      forwarders: [],
    });
    expect(scheduler.spec.containers[0]).toMatchObject({ name: 'game', image: 'repo/game:1', command: ['./run'], environment: [{ name: 'A', value: '1' }] });
    expect(scheduler.createdAt.toISOString()).toBe('2026-01-02T10:00:00.123Z');
  });

  it("stores the scheduler under Maestro's key with Go field names, and reads back what it stores", () => {
    const scheduler = aScheduler()
      .withName('fleet')
      .withAutoscaling(aRoomOccupancyAutoscaling())
      .withForwarders(aForwarder())
      .with({ rollbackVersion: 'v1.0.0', state: 'in-sync' })
      .build();
    const stored = definition.toJson({ scheduler });
    expect(Object.keys(stored)).toEqual(['scheduler']);
    expect(stored.scheduler).toMatchObject({ Name: 'fleet', Spec: { Version: 'v1.0.0' }, RollbackVersion: 'v1.0.0' });
    expect(definition.parse(JSON.parse(JSON.stringify(stored)))).toEqual({ scheduler });
  });

  it('names the field of a malformed input', () => {
    expect(() => definition.parse({})).toThrow(`invalid ${name} input: scheduler is missing`);
    expect(() => definition.parse({ scheduler: null })).toThrow(`invalid ${name} input: scheduler is missing`);
    expect(() => definition.parse({ scheduler: 'my-sched' })).toThrow(`invalid ${name} input: scheduler must be a JSON object, got "my-sched"`);
    expect(() => definition.parse({ scheduler: { Spec: {} } })).toThrow(`invalid ${name} input: scheduler.Name is missing`);
    expect(() => definition.parse({ scheduler: { Name: 7, Spec: {} } })).toThrow(`invalid ${name} input: scheduler.Name must be a string, got 7`);
    expect(() => definition.parse({ scheduler: { Name: 'my-sched' } })).toThrow(`invalid ${name} input: scheduler.Spec is missing`);
    expect(() => definition.parse({ scheduler: { Name: 'my-sched', Spec: [] } })).toThrow(
      `invalid ${name} input: scheduler.Spec must be a JSON object, got []`,
    );
  });
});
