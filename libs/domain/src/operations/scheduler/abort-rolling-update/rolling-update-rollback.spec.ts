import {
  aContainer,
  aGameRoom,
  anInstance,
  anOperation,
  aScheduler,
  InMemoryAutoscalingDecisions,
  InMemoryInstanceStorage,
  InMemoryRoomSamples,
  InMemoryRoomStorage,
  InMemorySchedulerCache,
  InMemorySchedulerStorage,
  ManualClock,
} from '@maestro/testing';
import type { RoomStatus } from '../../../entities/game-room';
import type { InstanceStatusType } from '../../../entities/instance';
import type { Scheduler } from '../../../entities/scheduler';
import { silentLogger } from '../../../ports/logger.port';
import { SchedulerLookup } from '../../../services/scheduler-lookup';
import { HealthControllerExecutor } from '../../maintenance/health-controller/health-controller.executor';
import type { OperationDefinition } from '../../operation-definition';
import type { ExecutionContext, ExecutionResult } from '../../operation-executor';
import { addRoomsDefinition } from '../../rooms/add-rooms/add-rooms.definition';
import { roomsToRemove } from '../../rooms/remove-rooms/deletion-priority';
import { removeRoomsDefinition } from '../../rooms/remove-rooms/remove-rooms.definition';
import { SwitchActiveVersionExecutor } from '../switch-active-version/switch-active-version.executor';
import { abortRollingUpdateDefinition, type AbortRollingUpdateInput } from './abort-rolling-update.definition';
import { AbortRollingUpdateExecutor } from './abort-rolling-update.executor';

const INIT_TIMEOUT_MS = 120_000;

/** What a new room of a version does once created. */
interface RoomFate {
  status: RoomStatus;
  pod: InstanceStatusType;
  description: string;
}

const HEALTHY: RoomFate = { status: 'ready', pod: 'ready', description: '' };
const CRASHING: RoomFate = { status: 'error', pod: 'error', description: 'container exited with code 1' };
const NEVER_READY: RoomFate = { status: 'pending', pod: 'ready', description: '' };

/**
 * A fleet on the in-memory ports: the health controller, switch_active_version and
 * abort_rolling_update run against it, and the add/remove operations they enqueue are applied
 * (new rooms of the active version get the fate of that version).
 */
function aFleet(options: { rollbackThreshold?: string; replicas?: number } = {}) {
  const clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
  const schedulers = new InMemorySchedulerStorage(clock);
  const rooms = new InMemoryRoomStorage();
  const instances = new InMemoryInstanceStorage();
  const lookup = new SchedulerLookup(new InMemorySchedulerCache(), schedulers, 60_000);
  const queue: { name: string; input: Record<string, unknown> }[] = [];
  let enqueued = 0;
  const operations = {
    createPriorityOperation: async <Input>(_: string, definition: OperationDefinition<Input>, input: Input) => {
      queue.push({ name: definition.name, input: definition.toJson(input) as Record<string, unknown> });
      return { id: `op-${++enqueued}` };
    },
  };
  const ports = {
    schedulers,
    rooms,
    instances,
    lookup,
    clock,
    operations,
    roomSamples: new InMemoryRoomSamples(),
    autoscalingDecisions: new InMemoryAutoscalingDecisions(),
  };
  const timeouts = { roomInitializationTimeoutMs: INIT_TIMEOUT_MS, roomPingTimeoutMs: 240_000, roomDeletionTimeoutMs: 120_000 };
  const healthController = new HealthControllerExecutor(ports as never, timeouts);
  const switcher = new SwitchActiveVersionExecutor(ports as never);
  const aborter = new AbortRollingUpdateExecutor(ports as never);
  const fates = new Map<string, RoomFate>();
  const histories: Record<string, string[]> = {};
  let nextRoom = 0;

  const v1: Scheduler = {
    ...aScheduler()
      .withName('fleet')
      .withVersion('v1.0.0')
      .withState('in-sync')
      .withRoomsReplicas(options.replicas ?? 4)
      .build(),
    maxSurge: '25%',
    ...(options.rollbackThreshold !== undefined ? { rollbackThreshold: options.rollbackThreshold } : {}),
  };
  const v2: Scheduler = { ...v1, rollbackVersion: 'v1.0.0', spec: { ...v1.spec, version: 'v2.0.0', containers: [aContainer({ image: 'game:2' })] } };

  function contextOf<Input>(definitionName: string, input: Input): ExecutionContext<Input> {
    const history = (histories[definitionName] ??= []);
    return {
      operation: anOperation({ schedulerName: 'fleet', definitionName }),
      input,
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async (line: string) => void history.push(line),
    };
  }

  async function addRoom(version: string, fate: RoomFate): Promise<void> {
    const id = `fleet-${nextRoom++}`;
    const now = clock.now();
    await rooms.createRoom(aGameRoom({ id, schedulerId: 'fleet', version, status: fate.status, createdAt: now, lastPingAt: now }));
    await instances.upsertInstance(anInstance({ id, schedulerId: 'fleet', version, status: { type: fate.pod, description: fate.description } }));
  }

  async function removeRoom(id: string): Promise<void> {
    await rooms.deleteRoom('fleet', id).catch(() => undefined);
    await instances.deleteInstance('fleet', id).catch(() => undefined);
  }

  /** Applies the queued operations; abort_rolling_update's result is answered. */
  async function drain(): Promise<ExecutionResult<AbortRollingUpdateInput> | undefined> {
    let aborted: ExecutionResult<AbortRollingUpdateInput> | undefined;
    while (queue.length > 0) {
      const { name, input } = queue.shift()!;
      if (name === addRoomsDefinition.name) {
        const active = await schedulers.getScheduler('fleet');
        for (let i = 0; i < addRoomsDefinition.parse(input).amount; i++) await addRoom(active.spec.version, fates.get(active.spec.version) ?? HEALTHY);
      } else if (name === removeRoomsDefinition.name) {
        const { amount, rooms_ids } = removeRoomsDefinition.parse(input);
        for (const id of rooms_ids ?? []) await removeRoom(id);
        const active = await schedulers.getScheduler('fleet');
        for (const { id } of await roomsToRemove(rooms as never, active, amount, 240_000, clock.now())) await removeRoom(id);
      } else if (name === abortRollingUpdateDefinition.name) {
        aborted = await aborter.execute(contextOf(name, abortRollingUpdateDefinition.parse(input)));
      }
    }
    return aborted;
  }

  return {
    clock,
    schedulers,
    fates,
    histories,
    queue,
    async start(): Promise<void> {
      await schedulers.createScheduler(v1);
      await schedulers.createSchedulerVersion(v2);
      for (let i = 0; i < v1.roomsReplicas; i++) await addRoom('v1.0.0', HEALTHY);
    },
    async crash(id: string): Promise<void> {
      await rooms.updateRoomStatus('fleet', id, 'error');
      await instances.upsertInstance({ ...(await instances.getInstance('fleet', id)), status: { type: 'error', description: CRASHING.description } });
    },
    switchTo: (version: string) => switcher.execute(contextOf('switch_active_version', { newActiveVersion: version })),
    /** One health controller run, then its operations; answers abort_rolling_update's result if one ran. */
    async cycle(): Promise<ExecutionResult<AbortRollingUpdateInput> | undefined> {
      await healthController.execute(contextOf('health_controller', {}));
      return drain();
    },
    async versions(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const id of await rooms.getAllRoomIds('fleet')) {
        const room = await rooms.findRoom('fleet', id);
        if (room) counts[room.version] = (counts[room.version] ?? 0) + 1;
      }
      return counts;
    },
  };
}

describe('a rolling update that aborts itself', () => {
  it('stops when new rooms crash: the previous version is active again and replaces every new room', async () => {
    const fleet = aFleet();
    await fleet.start();
    fleet.fates.set('v2.0.0', CRASHING);
    await fleet.switchTo('v2.0.0');
    expect((await fleet.schedulers.getScheduler('fleet')).rollout).toMatchObject({ version: 'v2.0.0', previousVersion: 'v1.0.0', fleetSize: 4 });

    // The surge adds one room of v2.0.0, which crashes: 1 failed room reaches 20 % of 4.
    expect(await fleet.cycle()).toBeUndefined();
    expect(await fleet.versions()).toEqual({ 'v1.0.0': 4, 'v2.0.0': 1 });
    const result = await fleet.cycle();

    expect(result).toEqual({ failed: true });
    const active = await fleet.schedulers.getScheduler('fleet');
    expect(active.spec.version).toBe('v1.0.0');
    expect(active.rollout).toBeUndefined();
    expect(fleet.histories.health_controller).toContain('1 rooms of version v2.0.0 failed: created operation (id: op-2) to roll back to version v1.0.0.');
    expect(fleet.histories.abort_rolling_update).toEqual([
      'rolling update to version v2.0.0 aborted: 1 of its rooms failed (rollback threshold: 1 rooms)',
      'failed room fleet-4: status error; pod error: container exited with code 1',
      'created operation (id: op-3) to remove 1 failed rooms.',
      'rolled back to version v1.0.0: its rooms replace the rooms of version v2.0.0',
    ]);
    expect(await fleet.versions()).toEqual({ 'v1.0.0': 4 });
    // The fleet stays at its target on the previous version.
    for (let i = 0; i < 3; i++) await fleet.cycle();
    expect(await fleet.versions()).toEqual({ 'v1.0.0': 4 });
  });

  it('stops when new rooms never become ready within the initialization timeout', async () => {
    const fleet = aFleet({ replicas: 8 });
    await fleet.start();
    fleet.fates.set('v2.0.0', NEVER_READY);
    await fleet.switchTo('v2.0.0');
    // Pending rooms count as available (Maestro's rule), so the update goes on while they start.
    for (let i = 0; i < 3; i++) expect(await fleet.cycle()).toBeUndefined();
    expect((await fleet.versions())['v2.0.0']).toBeGreaterThanOrEqual(2);

    fleet.clock.advance(INIT_TIMEOUT_MS + 1);
    const result = await fleet.cycle();

    expect(result).toEqual({ failed: true });
    expect((await fleet.schedulers.getScheduler('fleet')).spec.version).toBe('v1.0.0');
    expect(fleet.histories.abort_rolling_update).toContainEqual(
      expect.stringMatching(/^failed room fleet-\d+: not ready within 120s \(status pending\); pod ready$/),
    );
    for (let i = 0; i < 5; i++) await fleet.cycle();
    expect(await fleet.versions()).toEqual({ 'v1.0.0': 8 });
  });

  it('goes on below the scheduler’s own threshold, and aborts when it is reached', async () => {
    const fleet = aFleet({ rollbackThreshold: '2' });
    await fleet.start();
    fleet.fates.set('v2.0.0', CRASHING);
    await fleet.switchTo('v2.0.0');
    await fleet.cycle();
    expect(await fleet.cycle()).toBeUndefined();
    expect((await fleet.schedulers.getScheduler('fleet')).rollout?.failedRooms.map((room) => room.id)).toEqual(['fleet-4']);
    // The crashed room is not available: the next surge adds another room of v2.0.0, which crashes too.
    let result;
    for (let i = 0; i < 3 && !result; i++) result = await fleet.cycle();
    expect(result).toEqual({ failed: true });
    expect(fleet.histories.abort_rolling_update[0]).toBe('rolling update to version v2.0.0 aborted: 2 of its rooms failed (rollback threshold: 2 rooms)');
  });

  it('never aborts with a threshold of 0', async () => {
    const fleet = aFleet({ rollbackThreshold: '0' });
    await fleet.start();
    fleet.fates.set('v2.0.0', CRASHING);
    await fleet.switchTo('v2.0.0');
    for (let i = 0; i < 5; i++) expect(await fleet.cycle()).toBeUndefined();
    expect((await fleet.schedulers.getScheduler('fleet')).spec.version).toBe('v2.0.0');
  });

  it('completes a healthy rolling update exactly as before, then ends the watch', async () => {
    const fleet = aFleet();
    await fleet.start();
    await fleet.switchTo('v2.0.0');
    for (let i = 0; i < 20 && (await fleet.versions())['v1.0.0']; i++) expect(await fleet.cycle()).toBeUndefined();
    expect(await fleet.versions()).toEqual({ 'v2.0.0': 4 });
    expect((await fleet.schedulers.getScheduler('fleet')).rollout).toBeDefined();

    fleet.clock.advance(INIT_TIMEOUT_MS);
    await fleet.cycle();
    expect((await fleet.schedulers.getScheduler('fleet')).rollout).toBeUndefined();
    // A room lost afterwards is the health controller's to replace, not a reason to roll back.
    await fleet.crash('fleet-7');
    expect(await fleet.cycle()).toBeUndefined();
    expect((await fleet.schedulers.getScheduler('fleet')).spec.version).toBe('v2.0.0');
  });
});

describe('abort_rolling_update failing or canceled', () => {
  it('ends the watch and keeps the version, so the health controller does not enqueue it again', async () => {
    const fleet = aFleet();
    await fleet.start();
    fleet.fates.set('v2.0.0', CRASHING);
    await fleet.switchTo('v2.0.0');
    await fleet.cycle();
    const input = { version: 'v2.0.0', rollbackVersion: 'v0.9.0', threshold: 1, failedRooms: [{ id: 'fleet-4', description: 'status error' }] };
    const context = {
      operation: anOperation({ schedulerName: 'fleet' }),
      input,
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async () => undefined,
    };
    const aborter = new AbortRollingUpdateExecutor({ schedulers: fleet.schedulers } as never);

    const failure = await aborter.execute(context).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    await aborter.rollback(context);

    const active = await fleet.schedulers.getScheduler('fleet');
    expect(active.spec.version).toBe('v2.0.0');
    expect(active.rollout).toBeUndefined();
    fleet.queue.length = 0;
    expect(await fleet.cycle()).toBeUndefined();
  });
});

describe('switch_active_version and the watch', () => {
  it('starts no watch for a minor version, and keeps a running watch across one', async () => {
    const fleet = aFleet();
    await fleet.start();
    const minor: Scheduler = {
      ...(await fleet.schedulers.getSchedulerWithVersion('fleet', 'v2.0.0')),
      roomsReplicas: 5,
      spec: { ...(await fleet.schedulers.getSchedulerWithVersion('fleet', 'v2.0.0')).spec, version: 'v2.1.0' },
    };
    await fleet.schedulers.createSchedulerVersion(minor);
    const v11: Scheduler = {
      ...(await fleet.schedulers.getSchedulerWithVersion('fleet', 'v1.0.0')),
      roomsReplicas: 3,
      spec: { ...(await fleet.schedulers.getSchedulerWithVersion('fleet', 'v1.0.0')).spec, version: 'v1.1.0' },
    };
    await fleet.schedulers.createSchedulerVersion(v11);

    await fleet.switchTo('v1.1.0');
    expect((await fleet.schedulers.getScheduler('fleet')).rollout).toBeUndefined();

    await fleet.switchTo('v2.0.0');
    await fleet.switchTo('v2.1.0');
    expect((await fleet.schedulers.getScheduler('fleet')).rollout).toMatchObject({ version: 'v2.1.0', previousVersion: 'v1.1.0' });
  });
});
