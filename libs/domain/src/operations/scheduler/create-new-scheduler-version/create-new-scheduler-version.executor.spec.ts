import {
  aContainer,
  aScheduler,
  InMemoryInstanceStorage,
  InMemoryOperationCancellation,
  InMemoryOperationFlow,
  InMemoryOperationLease,
  InMemoryOperationStorage,
  InMemoryRoomStorage,
  InMemoryRuntime,
  InMemorySchedulerCache,
  InMemorySchedulerStorage,
  ManualClock,
  RecordingLogger,
  SequentialPortAllocator,
  waitFor,
} from '@maestro/testing';
import type { Scheduler } from '../../../entities/scheduler';
import { OperationManager } from '../../../services/operation-manager';
import { RoomManager } from '../../../services/room-manager';
import { SchedulerLookup } from '../../../services/scheduler-lookup';
import type { ExecutionContext } from '../../operation-executor';
import { switchActiveVersionDefinition } from '../switch-active-version/switch-active-version.definition';
import type { CreateNewSchedulerVersionInput } from './create-new-scheduler-version.definition';
import { CreateNewSchedulerVersionExecutor } from './create-new-scheduler-version.executor';

/** The new version flow (operations.md 8.2) on in-memory ports: versions, validation room, switch. */
function setUp(options: { validationAttempts?: number } = {}) {
  const clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
  const schedulers = new InMemorySchedulerStorage(clock);
  const rooms = new InMemoryRoomStorage();
  const instances = new InMemoryInstanceStorage();
  const runtime = new InMemoryRuntime();
  const logger = new RecordingLogger();
  const flow = new InMemoryOperationFlow();
  const operationStorage = new InMemoryOperationStorage(clock);
  const operations = new OperationManager(
    { storage: operationStorage, flow, lease: new InMemoryOperationLease(clock), cancellation: new InMemoryOperationCancellation(), schedulers, clock },
    { operationsTtlMs: 60_000 },
  );
  const roomManager = new RoomManager({ rooms, instances, runtime, portAllocator: new SequentialPortAllocator(), clock, logger });
  const lookup = new SchedulerLookup(new InMemorySchedulerCache(), schedulers, 60_000);
  const executor = new CreateNewSchedulerVersionExecutor(
    { schedulers, lookup, rooms, instances, roomManager, operations },
    { validationTimeoutMs: 5_000, validationAttempts: options.validationAttempts ?? 1, validationAcceptOccupied: false },
  );
  const history: string[] = [];
  const podVersions: (string | undefined)[] = [];
  const contextOf = (scheduler: Scheduler): ExecutionContext<CreateNewSchedulerVersionInput> => ({
    operation: {
      id: 'op-new-version',
      schedulerName: scheduler.name,
      status: 'in_progress',
      definitionName: 'create_new_scheduler_version',
      createdAt: clock.now(),
      input: {},
      executionHistory: [],
    },
    input: { scheduler },
    signal: new AbortController().signal,
    logger,
    appendHistory: async (line: string) => void history.push(line),
  });
  /** Plays the validation room: once its pod exists, the room reaches `status`. */
  const validationRoomBecomes = async (schedulerName: string, status: 'ready' | 'error', description = '') => {
    const roomId = await waitFor(async () => (await rooms.getAllRoomIds(schedulerName))[0], { description: 'the validation room' });
    podVersions.push(runtime.podSpecs.get(`${schedulerName}/${roomId}`)?.version);
    runtime.setInstanceStatus(schedulerName, roomId, status === 'ready' ? 'ready' : 'error', description);
    await instances.upsertInstance({
      ...(await instances.getInstance(schedulerName, roomId)),
      status: { type: status === 'ready' ? 'ready' : 'error', description },
    });
    await rooms.updateRoomStatus(schedulerName, roomId, status);
    return roomId;
  };
  return { schedulers, rooms, runtime, flow, operationStorage, executor, history, podVersions, contextOf, validationRoomBecomes };
}

describe('CreateNewSchedulerVersionExecutor', () => {
  const active = aScheduler().withName('fleet').withVersion('v1.0.0').build();
  const withImage = (image: string): Scheduler => ({ ...active, spec: { ...active.spec, containers: [aContainer({ ...active.spec.containers[0], image })] } });

  it('stores a minor change as the next minor version and enqueues its switch, without a validation room', async () => {
    const { schedulers, executor, history, contextOf, flow, operationStorage, rooms } = setUp();
    await schedulers.createScheduler(active);
    await executor.execute(contextOf({ ...active, roomsReplicas: active.roomsReplicas + 3 }));
    expect((await schedulers.listSchedulerVersions('fleet')).map((v) => v.version).sort()).toEqual(['v1.0.0', 'v1.1.0']);
    const [switchId] = await flow.listPendingOperationIds('fleet');
    const switchOperation = await operationStorage.getOperation('fleet', switchId);
    expect(switchActiveVersionDefinition.parse(switchOperation.input)).toEqual({ newActiveVersion: 'v1.1.0' });
    expect(history).toEqual([`enqueued switch active version operation with id: ${switchId}`]);
    expect(await rooms.getAllRoomIds('fleet')).toEqual([]);
    // The active version stays `creating` until the switch runs (the switch puts it back in sync).
    expect((await schedulers.getScheduler('fleet')).state).toBe('creating');
  });

  it('proves a major change with a validation room, deletes the room, then stores the next major version', async () => {
    const { schedulers, executor, history, podVersions, contextOf, validationRoomBecomes, runtime, flow } = setUp();
    await schedulers.createScheduler(active);
    const running = executor.execute(contextOf(withImage('game:2')));
    const roomId = await validationRoomBecomes('fleet', 'ready');
    await running;
    // The validation room runs the new configuration under its new version number.
    expect(podVersions).toEqual(['v2.0.0']);
    expect(history.slice(0, 2)).toEqual(['Major version detected, starting game room validation process...', '1º Attempt: Game room validation success!']);
    expect((await schedulers.listSchedulerVersions('fleet')).map((v) => v.version).sort()).toEqual(['v1.0.0', 'v2.0.0']);
    expect(await flow.listPendingOperationIds('fleet')).toHaveLength(1);
    await waitFor(() => !runtime.pods.has(`fleet/${roomId}`), { description: 'the validation room deleted' });
  });

  it('refuses a major change whose validation room fails, naming the pod event, and stores nothing', async () => {
    const { schedulers, executor, history, contextOf, validationRoomBecomes, flow } = setUp();
    await schedulers.createScheduler(active);
    const running = executor.execute(contextOf(withImage('broken:1')));
    const roomId = await validationRoomBecomes('fleet', 'error', 'ErrImagePull: pull access denied for "broken"');
    await expect(running).rejects.toThrow('all validation attempts have failed');
    expect(history).toEqual([
      'Major version detected, starting game room validation process...',
      `1º Attempt: The room created for validation with ID ${roomId} is entering in error state. You can check if\n\t\tthe GRU image is stable on its logs using the provided room id. Last event in the game room: "ErrImagePull: pull access denied for \\"broken\\""`,
      'All validation attempts have failed, operation aborted!',
    ]);
    expect((await schedulers.listSchedulerVersions('fleet')).map((v) => v.version)).toEqual(['v1.0.0']);
    expect(await flow.listPendingOperationIds('fleet')).toEqual([]);
  });
});
