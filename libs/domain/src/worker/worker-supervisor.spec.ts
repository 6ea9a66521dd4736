import { aScheduler, waitFor } from '@maestro/testing';
import { storageCleanUpDefinition } from '../operations/maintenance/storage-clean-up/storage-clean-up.definition';
import type { OperationDefinition } from '../operations/operation-definition';
import type { OperationExecutor } from '../operations/operation-executor';
import { registerOperation } from '../operations/operation-registry';
import { addRoomsDefinition, type AddRoomsInput } from '../operations/rooms/add-rooms/add-rooms.definition';
import { inMemoryWorkerPorts, QUIET_WORKER_OPTIONS } from '../testing/in-memory-worker-ports';
import type { WorkerOptions } from './worker-options';
import { SYNC_START_SLICE, WorkerSupervisor } from './worker-supervisor';

/** An add_rooms executor that runs until its signal aborts (or the test lets it finish). */
function longRunningExecutor() {
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const started: string[] = [];
  const executor: OperationExecutor<AddRoomsInput> = {
    name: addRoomsDefinition.name,
    execute: (context) => {
      started.push(context.operation.id);
      return new Promise<void>((resolve, reject) => {
        context.signal.addEventListener('abort', () => reject(new Error('context canceled')), { once: true });
        void finished.then(resolve);
      });
    },
    rollback: async () => undefined,
  };
  return { operation: registerOperation(addRoomsDefinition, executor), started, finish: () => finish() };
}

describe('WorkerSupervisor', () => {
  const supervisors: WorkerSupervisor[] = [];

  async function startedSupervisor(ports: ReturnType<typeof inMemoryWorkerPorts>, options: Partial<WorkerOptions> = {}) {
    const supervisor = new WorkerSupervisor(ports.ports, { ...QUIET_WORKER_OPTIONS, ...options });
    supervisors.push(supervisor);
    await supervisor.start();
    return supervisor;
  }

  afterEach(async () => {
    await Promise.all(supervisors.splice(0).map((supervisor) => supervisor.stop()));
  });

  it('works for every scheduler of the storage, and stops working for a deleted one at the next sync', async () => {
    const ports = inMemoryWorkerPorts();
    for (const name of ['a', 'b']) await ports.schedulers.createScheduler(aScheduler().withName(name).build());
    const supervisor = await startedSupervisor(ports, { metricsIntervalMs: 10 });
    expect(supervisor.size).toBe(2);
    expect(ports.flow.isConsumed('a') && ports.flow.isConsumed('b')).toBe(true);
    await waitFor(() => ports.metrics.published.has('b'), { description: 'the fleet of b published' });
    await ports.schedulers.deleteScheduler('b');
    await supervisor.sync();
    expect(supervisor.size).toBe(1);
    await waitFor(() => !ports.flow.isConsumed('b') && !ports.metrics.published.has('b'), { description: 'the worker of b stopped' });
    expect(ports.flow.isConsumed('a')).toBe(true);
    expect(ports.logger.messages('info')).toEqual(['scheduler worker started', 'scheduler worker started', 'scheduler worker stopped']);
  });

  it('spreads the health controllers of schedulers found together over the period: only the first runs at once', async () => {
    const ports = inMemoryWorkerPorts();
    for (const name of ['a', 'b', 'c', 'd']) await ports.schedulers.createScheduler(aScheduler().withName(name).build());
    const created: string[] = [];
    const create = ports.operations.createOperation.bind(ports.operations);
    ports.operations.createOperation = <Input>(schedulerName: string, definition: OperationDefinition<Input>, input: Input) => {
      created.push(`${definition.name} ${schedulerName}`);
      return create(schedulerName, definition, input);
    };
    const supervisor = await startedSupervisor(ports);
    expect(supervisor.size).toBe(4);
    await waitFor(() => created.length > 0, { description: 'the first health controller' });
    // The others come a quarter, a half and three quarters of the (one hour) period later.
    expect(created).toEqual(['health_controller a']);
  });

  it('starts working for a new scheduler as soon as an operation is enqueued for it, before the periodic sync', async () => {
    const ports = inMemoryWorkerPorts();
    const supervisor = await startedSupervisor(ports);
    expect(supervisor.size).toBe(0);
    await ports.schedulers.createScheduler(aScheduler().withName('new').build());
    const operation = await ports.operations.createOperation('new', storageCleanUpDefinition, {});
    await waitFor(async () => (await ports.operationStorage.getOperation('new', operation.id)).status === 'finished', {
      description: 'the operation of the new scheduler executed',
    });
    expect(supervisor.size).toBe(1);
  });

  it('reads a scheduler named by an insertion notice alone, not the whole list', async () => {
    const ports = inMemoryWorkerPorts();
    let lists = 0;
    const list = ports.schedulers.listSchedulers.bind(ports.schedulers);
    ports.schedulers.listSchedulers = (filter) => (lists++, list(filter));
    const supervisor = await startedSupervisor(ports);
    for (const name of ['new-1', 'new-2']) {
      await ports.schedulers.createScheduler(aScheduler().withName(name).build());
      await ports.operations.createOperation(name, storageCleanUpDefinition, {});
    }
    await waitFor(() => ports.flow.isConsumed('new-1') && ports.flow.isConsumed('new-2'), { description: 'both new schedulers served' });
    expect(supervisor.size).toBe(2);
    expect(lists).toBe(1);
  });

  it('starts new schedulers while a deleted one still finishes its operation', async () => {
    const running = longRunningExecutor();
    const ports = inMemoryWorkerPorts([running.operation]);
    await ports.schedulers.createScheduler(aScheduler().withName('old').build());
    const supervisor = await startedSupervisor(ports);
    const operation = await ports.operations.createOperation('old', addRoomsDefinition, { amount: 1 });
    await waitFor(() => running.started.length === 1, { description: 'the operation of old running' });
    await ports.schedulers.deleteScheduler('old');
    void supervisor.sync();
    await ports.schedulers.createScheduler(aScheduler().withName('new').build());
    void supervisor.sync();
    await waitFor(() => ports.flow.isConsumed('new'), { description: 'the new scheduler served' });
    expect((await ports.operationStorage.getOperation('old', operation.id)).status).toBe('in_progress');
    running.finish();
    await waitFor(async () => (await ports.operationStorage.getOperation('old', operation.id)).status === 'finished', {
      description: 'the operation of old finished',
    });
  });

  it('starts many schedulers in slices, letting other work run between them', async () => {
    const ports = inMemoryWorkerPorts();
    const count = 3 * SYNC_START_SLICE;
    for (let i = 0; i < count; i++) await ports.schedulers.createScheduler(aScheduler().withName(`s-${i}`).build());
    const supervisor = new WorkerSupervisor(ports.ports, QUIET_WORKER_OPTIONS);
    supervisors.push(supervisor);
    const starting = supervisor.start();
    const startedWhenOtherWorkRan = await new Promise<number>((resolve) => setImmediate(() => resolve(supervisor.size)));
    await starting;
    expect(startedWhenOtherWorkRan).toBeLessThan(count);
    expect(supervisor.size).toBe(count);
  });

  it('serves before its first sync is done when started with startServing', async () => {
    const ports = inMemoryWorkerPorts();
    await ports.schedulers.createScheduler(aScheduler().withName('game').build());
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const list = ports.schedulers.listSchedulers.bind(ports.schedulers);
    ports.schedulers.listSchedulers = async (filter) => {
      await gate;
      return list(filter);
    };
    const supervisor = new WorkerSupervisor(ports.ports, QUIET_WORKER_OPTIONS);
    supervisors.push(supervisor);
    const { synced } = await supervisor.startServing();
    expect(supervisor.size).toBe(0);
    release();
    await synced;
    expect(supervisor.size).toBe(1);
  });

  it('picks up a changed scheduler configuration at the next sync', async () => {
    const ports = inMemoryWorkerPorts();
    await ports.schedulers.createScheduler(aScheduler().withName('game').withRoomsReplicas(1).build());
    const supervisor = await startedSupervisor(ports, { metricsIntervalMs: 10 });
    await waitFor(() => ports.metrics.published.get('game')?.roomsReplicas === 1, { description: 'the first configuration published' });
    await ports.schedulers.updateScheduler(aScheduler().withName('game').withRoomsReplicas(4).build());
    await supervisor.sync();
    await waitFor(() => ports.metrics.published.get('game')?.roomsReplicas === 4, { description: 'the new configuration published' });
  });

  it('logs a failed sync and recovers at the next one', async () => {
    const ports = inMemoryWorkerPorts();
    const list = ports.schedulers.listSchedulers.bind(ports.schedulers);
    let failures = 1;
    ports.schedulers.listSchedulers = (filter) => (failures-- > 0 ? Promise.reject(new Error('postgres is down')) : list(filter));
    await ports.schedulers.createScheduler(aScheduler().withName('game').build());
    const supervisor = await startedSupervisor(ports);
    expect(supervisor.size).toBe(0);
    expect(ports.logger.lines).toContainEqual({ level: 'warn', msg: 'scheduler sync failed', fields: { error: 'Error: postgres is down' } });
    await supervisor.sync();
    expect(supervisor.size).toBe(1);
  });

  it('cancels an operation it runs when a cancel request comes', async () => {
    const running = longRunningExecutor();
    const ports = inMemoryWorkerPorts([running.operation]);
    await ports.schedulers.createScheduler(aScheduler().withName('game').build());
    await startedSupervisor(ports);
    const operation = await ports.operations.createOperation('game', addRoomsDefinition, { amount: 1 });
    await waitFor(() => running.started.includes(operation.id), { description: 'the operation running' });
    await ports.operations.cancelOperation('game', operation.id);
    await waitFor(async () => (await ports.operationStorage.getOperation('game', operation.id)).status === 'canceled', {
      description: 'the operation canceled',
    });
  });

  it('lets running operations finish when it stops in time, then serves nothing more', async () => {
    const running = longRunningExecutor();
    const ports = inMemoryWorkerPorts([running.operation]);
    await ports.schedulers.createScheduler(aScheduler().withName('game').build());
    const supervisor = new WorkerSupervisor(ports.ports, QUIET_WORKER_OPTIONS);
    await supervisor.start();
    const operation = await ports.operations.createOperation('game', addRoomsDefinition, { amount: 1 });
    await waitFor(() => running.started.length === 1, { description: 'the operation running' });
    let stopped = false;
    const stopping = supervisor.stop().then(() => (stopped = true));
    await waitFor(() => !ports.flow.isConsumed('game'), { description: 'the queue released' });
    expect(stopped).toBe(false);
    running.finish();
    await stopping;
    expect((await ports.operationStorage.getOperation('game', operation.id)).status).toBe('finished');
    expect(ports.cancellation.subscribers).toBe(0);
    expect(supervisor.size).toBe(0);
  });

  it('aborts the operations still running at the stop timeout: they end canceled, rolled back', async () => {
    const running = longRunningExecutor();
    const ports = inMemoryWorkerPorts([running.operation]);
    await ports.schedulers.createScheduler(aScheduler().withName('game').build());
    const supervisor = new WorkerSupervisor(ports.ports, { ...QUIET_WORKER_OPTIONS, stopTimeoutMs: 20 });
    await supervisor.start();
    const operation = await ports.operations.createOperation('game', addRoomsDefinition, { amount: 1 });
    await waitFor(() => running.started.length === 1, { description: 'the operation running' });
    await supervisor.stop();
    const stored = await ports.operationStorage.getOperation('game', operation.id);
    expect(stored.status).toBe('canceled');
    expect(stored.executionHistory.map((entry) => entry.event)).toEqual(
      expect.arrayContaining(['context canceled', 'Operation rollback flow execution finished with success']),
    );
    expect(ports.logger.messages('warn')).toContain('operations still running at the stop timeout are aborted');
  });
});
