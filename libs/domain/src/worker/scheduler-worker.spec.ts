import { aGameRoom, aScheduler, InMemoryOperationFlow, waitFor } from '@maestro/testing';
import type { Scheduler } from '../entities/scheduler';
import { healthControllerDefinition } from '../operations/maintenance/health-controller/health-controller.definition';
import type { OperationDefinition } from '../operations/operation-definition';
import type { OperationExecutor } from '../operations/operation-executor';
import { registerOperation, type RegisteredOperation } from '../operations/operation-registry';
import { addRoomsDefinition } from '../operations/rooms/add-rooms/add-rooms.definition';
import { inMemoryWorkerPorts, QUIET_WORKER_OPTIONS } from '../testing/in-memory-worker-ports';
import { PERIOD_CLAIM_SHARE } from './periodic-operations';
import { SchedulerWorker } from './scheduler-worker';
import type { WorkerOptions } from './worker-options';

/** An executor of the operation that records its executions, each waiting at the gate while it is closed. */
function recordingExecutor<Input>(definition: OperationDefinition<Input>) {
  let open: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  const state = { started: [] as string[], ended: [] as string[], running: 0, overlapped: false };
  const executor: OperationExecutor<Input> = {
    name: definition.name,
    execute: async (context) => {
      state.running += 1;
      state.overlapped ||= state.running > 1;
      state.started.push(context.operation.id);
      await gate;
      state.ended.push(context.operation.id);
      state.running -= 1;
    },
    rollback: async () => undefined,
  };
  return {
    operation: registerOperation(definition, executor),
    state,
    close: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    open: () => open(),
  };
}

describe('SchedulerWorker', () => {
  const workers: SchedulerWorker[] = [];
  const scheduler: Scheduler = aScheduler().withName('game').withState('in-sync').build();

  /** Worker ports in memory whose operation creations are recorded by definition name. */
  function setUp(registered: RegisteredOperation<unknown>[] = []) {
    const ports = inMemoryWorkerPorts(registered);
    const created: string[] = [];
    const create = ports.operations.createOperation.bind(ports.operations);
    ports.operations.createOperation = <Input>(schedulerName: string, definition: OperationDefinition<Input>, input: Input) => {
      created.push(definition.name);
      return create(schedulerName, definition, input);
    };
    let claims = 0;
    const claim = ports.lock.claimPeriod.bind(ports.lock);
    ports.lock.claimPeriod = (...args) => {
      claims += 1;
      return claim(...args);
    };
    return { ...ports, created, claims: () => claims };
  }

  /** A started worker; `ownConsumer` plays another process, with a consumer of its own on the same queues. */
  async function started(ports: ReturnType<typeof setUp>, options: Partial<WorkerOptions> = {}, ownConsumer = false): Promise<SchedulerWorker> {
    const worker = new SchedulerWorker(scheduler, ownConsumer ? { ...ports.ports, consumer: new InMemoryOperationFlow() } : ports.ports, {
      ...QUIET_WORKER_OPTIONS,
      ...options,
    });
    workers.push(worker);
    worker.start();
    await worker.whenWatching();
    return worker;
  }

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });

  it('executes the operations of its scheduler one at a time, in queue order', async () => {
    const adding = recordingExecutor(addRoomsDefinition);
    const ports = setUp([adding.operation]);
    adding.close();
    await started(ports);
    const operations = [];
    for (let i = 0; i < 3; i++) operations.push(await ports.operations.createOperation('game', addRoomsDefinition, { amount: i + 1 }));
    await waitFor(() => adding.state.started.length === 1, { description: 'the first operation running' });
    const urgent = await ports.operations.createPriorityOperation('game', addRoomsDefinition, { amount: 9 });
    adding.open();
    await waitFor(() => adding.state.ended.length === 4, { description: 'four operations executed' });
    expect(adding.state.started).toEqual([operations[0].id, urgent.id, operations[1].id, operations[2].id]);
    expect(adding.state.overlapped).toBe(false);
    for (const operation of [...operations, urgent]) {
      await waitFor(async () => (await ports.operationStorage.getOperation('game', operation.id)).status === 'finished', {
        description: 'the operation finished',
      });
    }
  });

  it('enqueues a first health controller at start', async () => {
    const ports = setUp();
    await started(ports);
    await waitFor(() => ports.created.includes('health_controller'), { description: 'the first health controller' });
  });

  it('enqueues the health controller once per period across two workers of the scheduler', async () => {
    const ports = setUp();
    const intervalMs = 10;
    const claimMs = Math.floor(intervalMs * PERIOD_CLAIM_SHARE);
    await started(ports, { healthControllerIntervalMs: intervalMs });
    await started(ports, { healthControllerIntervalMs: intervalMs }, true);
    const healthControllers = () => ports.created.filter((name) => name === 'health_controller').length;

    // Both workers tick every 10 ms on their own timers; the claim lasts 8 ms of the (stopped) clock.
    await waitFor(() => ports.claims() >= 10, { description: 'ten claims' });
    expect(healthControllers()).toBe(1);
    ports.clock.advance(claimMs);
    await waitFor(() => healthControllers() === 2, { description: 'the health controller of the next period' });
    const claimsBefore = ports.claims();
    await waitFor(() => ports.claims() >= claimsBefore + 10, { description: 'ten more claims' });
    expect(healthControllers()).toBe(2);
  });

  it('enqueues no periodic operation while one of its kind waits in the queue', async () => {
    const healthController = recordingExecutor(healthControllerDefinition);
    healthController.close();
    const ports = setUp([healthController.operation]);
    const intervalMs = 10;
    await started(ports, { healthControllerIntervalMs: intervalMs });
    await waitFor(() => healthController.state.started.length === 1, { description: 'the first health controller running' });
    ports.clock.advance(intervalMs);
    await waitFor(async () => (await ports.operations.listOperations('game', { stage: 'pending', sortOrder: 'asc', page: 1, perPage: 10 })).total === 1, {
      description: 'a second health controller waiting',
    });
    for (let period = 0; period < 3; period++) {
      const claimsBefore = ports.claims();
      ports.clock.advance(intervalMs);
      await waitFor(() => ports.claims() > claimsBefore, { description: 'a claim of the next period' });
    }
    expect(ports.created.filter((name) => name === 'health_controller')).toHaveLength(2);
    healthController.open();
    await waitFor(() => healthController.state.ended.length === 2, { description: 'both health controllers executed' });
  });

  it('enqueues the storage clean-up on its own period', async () => {
    const ports = setUp();
    await started(ports, { storageCleanupIntervalMs: 10 });
    await waitFor(() => ports.created.includes('storage_clean_up'), { description: 'a storage clean-up' });
  });

  it('mirrors the pods of its scheduler into instances and room statuses', async () => {
    const ports = setUp();
    await ports.schedulers.createScheduler(scheduler);
    await ports.rooms.createRoom(aGameRoom({ id: 'game-00001', schedulerId: 'game', status: 'pending', pingStatus: 'unknown' }));
    await ports.runtime.createGameRoomInstance(scheduler, 'game-00001', scheduler.spec);
    await started(ports);
    await waitFor(() => ports.instances.getInstance('game', 'game-00001').then(Boolean, () => false), { description: 'the instance of the pod' });
    ports.runtime.setInstanceStatus('game', 'game-00001', 'ready');
    await waitFor(async () => (await ports.rooms.getRoom('game', 'game-00001')).status === 'unready', { description: 'the room unready' });
    await ports.runtime.deleteGameRoomInstance(await ports.instances.getInstance('game', 'game-00001'), 'scale_down');
    await waitFor(async () => (await ports.rooms.getRoomCount('game')) === 0 && (await ports.instances.getInstanceCount('game')) === 0, {
      description: 'room and instance gone',
    });
  });

  it("keeps its scheduler's disruption budget and publishes its fleet", async () => {
    const ports = setUp();
    for (const [id, status] of [
      ['r1', 'ready'],
      ['r2', 'ready'],
      ['r3', 'occupied'],
    ] as const)
      await ports.rooms.createRoom(aGameRoom({ id, schedulerId: 'game', status }));
    await started(ports, { disruptionIntervalMs: 10, metricsIntervalMs: 10 });
    await waitFor(() => ports.runtime.budgets.get('game') === 2, { description: 'the budget of three rooms' });
    await waitFor(() => ports.metrics.published.get('game')?.rooms.ready === 2, { description: 'the fleet published' });
    expect(ports.metrics.published.get('game')).toMatchObject({ roomsReplicas: 0, rooms: { ready: 2, occupied: 1, pending: 0 } });
  });

  it('stops once the running operation has ended, then executes nothing more and forgets its fleet', async () => {
    const adding = recordingExecutor(addRoomsDefinition);
    adding.close();
    const ports = setUp([adding.operation]);
    const worker = new SchedulerWorker(scheduler, ports.ports, { ...QUIET_WORKER_OPTIONS, metricsIntervalMs: 10 });
    worker.start();
    await worker.whenWatching();
    await waitFor(() => ports.metrics.published.has('game'), { description: 'the fleet published' });
    const running = await ports.operations.createOperation('game', addRoomsDefinition, { amount: 1 });
    await waitFor(() => adding.state.started.length === 1, { description: 'the operation running' });
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await waitFor(() => !ports.flow.isConsumed('game'), { description: 'the queue released' });
    expect(stopped).toBe(false);
    adding.open();
    await stopping;
    expect((await ports.operationStorage.getOperation('game', running.id)).status).toBe('finished');
    expect(ports.metrics.published.has('game')).toBe(false);
    const after = await ports.operations.createOperation('game', addRoomsDefinition, { amount: 1 });
    expect(await ports.flow.listPendingOperationIds('game')).toEqual([after.id]);
  });
});
