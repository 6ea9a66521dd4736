import { anOperation, InMemorySchedulerLock, ManualClock, RecordingLogger, waitFor } from '@maestro/testing';
import type { OperationExecutor } from '../operations/operation-executor';
import { registerOperation } from '../operations/operation-registry';
import { addRoomsDefinition, type AddRoomsInput } from '../operations/rooms/add-rooms/add-rooms.definition';
import type { OperationRunner } from '../services/operation-runner';
import { inMemoryWorkerPorts } from '../testing/in-memory-worker-ports';
import { LockedExecution, SCHEDULER_LOCK_TTL_MS } from './locked-execution';

/** An add_rooms executor whose executions wait at a gate the test opens; it records overlaps. */
function gatedExecutor() {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const state = { running: [] as string[], started: [] as string[], overlapped: false };
  const executor: OperationExecutor<AddRoomsInput> = {
    name: addRoomsDefinition.name,
    execute: async (context) => {
      state.running.push(context.operation.id);
      state.started.push(context.operation.id);
      state.overlapped ||= state.running.length > 1;
      await gate;
      state.running = state.running.filter((id) => id !== context.operation.id);
    },
    rollback: async () => undefined,
  };
  return { operation: registerOperation(addRoomsDefinition, executor), state, open };
}

describe('LockedExecution', () => {
  it('runs one operation of a scheduler at a time across two owners, the second waiting for the lock', async () => {
    const { operation: adding, state, open } = gatedExecutor();
    const worker = inMemoryWorkerPorts([adding]);
    const [first, second] = [anOperation({ id: 'op-1', schedulerName: 'game' }), anOperation({ id: 'op-2', schedulerName: 'game' })];
    for (const operation of [first, second]) await worker.operationStorage.createOperation(operation);
    const a = new LockedExecution('game', 'worker-a', worker);
    const b = new LockedExecution('game', 'worker-b', worker);

    const runningA = a.execute(first.id);
    await waitFor(() => state.started.length === 1, { description: 'the first operation running' });
    let acquireAttempts = 0;
    const tryAcquire = worker.lock.tryAcquire.bind(worker.lock);
    worker.lock.tryAcquire = (...args) => {
      acquireAttempts += 1;
      return tryAcquire(...args);
    };
    const runningB = b.execute(second.id);
    await waitFor(() => acquireAttempts >= 2, { description: 'the second owner waiting for the lock' });
    expect(state.started).toEqual([first.id]);
    expect(worker.lock.holder('game')).toBe('worker-a');

    open();
    await Promise.all([runningA, runningB]);
    expect(state.started).toEqual([first.id, second.id]);
    expect(state.overlapped).toBe(false);
    expect(worker.lock.holder('game')).toBeUndefined();
    expect((await worker.operationStorage.getOperation('game', second.id)).status).toBe('finished');
  });

  it('does not hold up the operations of other schedulers', async () => {
    const { operation: adding, state, open } = gatedExecutor();
    const worker = inMemoryWorkerPorts([adding]);
    await worker.operationStorage.createOperation(anOperation({ id: 'op-1', schedulerName: 'game' }));
    await worker.operationStorage.createOperation(anOperation({ id: 'op-2', schedulerName: 'other' }));
    const running = [new LockedExecution('game', 'worker-a', worker).execute('op-1'), new LockedExecution('other', 'worker-b', worker).execute('op-2')];
    await waitFor(() => state.started.length === 2, { description: 'both operations running' });
    open();
    await Promise.all(running);
  });

  it('takes over the lock of an owner that died once its time to live has passed', async () => {
    const worker = inMemoryWorkerPorts();
    await worker.operationStorage.createOperation(anOperation({ id: 'hc', schedulerName: 'game', definitionName: 'health_controller', input: {} }));
    await worker.lock.tryAcquire('game', 'dead-worker', SCHEDULER_LOCK_TTL_MS);
    let attempts = 0;
    const tryAcquire = worker.lock.tryAcquire.bind(worker.lock);
    worker.lock.tryAcquire = (...args) => {
      attempts += 1;
      return tryAcquire(...args);
    };
    const running = new LockedExecution('game', 'worker-a', worker).execute('hc');
    await waitFor(() => attempts >= 2, { description: 'waiting for the lock' });
    expect((await worker.operationStorage.getOperation('game', 'hc')).status).toBe('pending');
    worker.clock.advance(SCHEDULER_LOCK_TTL_MS);
    await running;
    expect((await worker.operationStorage.getOperation('game', 'hc')).status).toBe('finished');
  });

  it('logs a crash of the runner instead of throwing it, and releases the lock', async () => {
    const lock = new InMemorySchedulerLock(new ManualClock());
    const logger = new RecordingLogger();
    const runner = { run: () => Promise.reject(new Error('redis went away')) } as unknown as OperationRunner;
    await expect(new LockedExecution('game', 'worker-a', { lock, runner, logger }).execute('op-1')).resolves.toBeUndefined();
    expect(logger.lines).toEqual([{ level: 'error', msg: 'operation execution crashed', fields: { operation_id: 'op-1', error: 'Error: redis went away' } }]);
    expect(lock.holder('game')).toBeUndefined();
  });
});
