import { anOperation, InMemoryOperationLease, InMemoryOperationStorage, ManualClock, RecordingLogger, waitFor } from '@maestro/testing';
import type { Operation, OperationStatus } from '../entities/operation';
import { healthControllerDefinition, type HealthControllerInput } from '../operations/maintenance/health-controller/health-controller.definition';
import type { ExecutionContext, ExecutionResult, OperationExecutor } from '../operations/operation-executor';
import { OperationRegistry, registerOperation, type RegisteredOperation } from '../operations/operation-registry';
import { addRoomsDefinition, type AddRoomsInput } from '../operations/rooms/add-rooms/add-rooms.definition';
import { OperationRunner } from './operation-runner';

const SCHEDULER = 'game';

type AddRoomsContext = ExecutionContext<AddRoomsInput>;

/** An executor of `add_rooms` whose execution and rollback the test writes, registered with its definition; it records what it was given. */
function anExecutor(
  execute: (context: AddRoomsContext) => Promise<ExecutionResult<AddRoomsInput> | void> = async () => undefined,
  rollback: (context: AddRoomsContext, cause: unknown) => Promise<void> = async () => undefined,
) {
  const seen = { executed: [] as AddRoomsContext[], rolledBack: [] as { context: AddRoomsContext; cause: unknown }[] };
  const executor: OperationExecutor<AddRoomsInput> = {
    name: addRoomsDefinition.name,
    execute: (context) => {
      seen.executed.push(context);
      return execute(context);
    },
    rollback: (context, cause) => {
      seen.rolledBack.push({ context, cause });
      return rollback(context, cause);
    },
  };
  return { executor: registerOperation(addRoomsDefinition, executor), seen };
}

/** Resolves once the signal aborts; an executor waiting for it throws its reason like a real one. */
const abortedBy = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error(`context canceled: ${String(signal.reason)}`)), { once: true }));

/** InMemoryOperationStorage whose next `in_progress` write fails, as a connection blip would make it. */
class StartFailingStorage extends InMemoryOperationStorage {
  override async updateOperationStatus(operation: Operation, options?: { expected?: OperationStatus; noAction?: boolean }): Promise<boolean> {
    if (operation.status === 'in_progress') throw new Error('Connection is closed.');
    return super.updateOperationStatus(operation, options);
  }
}

describe('OperationRunner', () => {
  let clock: ManualClock;
  let storage: InMemoryOperationStorage;
  let lease: InMemoryOperationLease;
  let logger: RecordingLogger;
  let ids = 0;

  beforeEach(() => {
    clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
    storage = new InMemoryOperationStorage(clock);
    lease = new InMemoryOperationLease(clock);
    logger = new RecordingLogger();
  });

  const runnerOf = (operations: RegisteredOperation<unknown>[], leaseTtlMs = 60_000) =>
    new OperationRunner({ storage, lease, registry: new OperationRegistry(operations), clock, logger }, { leaseTtlMs });
  const aStoredOperation = async (overrides: Partial<Operation> = {}) => {
    const operation = anOperation({ id: `op-${++ids}`, schedulerName: SCHEDULER, ...overrides });
    await storage.createOperation(operation);
    return operation;
  };
  const stored = (id: string) => storage.getOperation(SCHEDULER, id);
  const history = async (id: string) => (await stored(id)).executionHistory.map((entry) => entry.event);
  const hasLease = (id: string) =>
    lease.fetchLease(SCHEDULER, id).then(
      () => true,
      () => false,
    );
  const finishedIds = async () => (await storage.listFinishedOperations(SCHEDULER, { page: 1, perPage: 50, sortOrder: 'asc' })).operations.map((op) => op.id);
  const activeIds = async () => (await storage.listActiveOperations(SCHEDULER)).map((op) => op.id);

  describe('lifecycle', () => {
    it('runs a pending operation to finished: in progress under a lease while it executes, then released', async () => {
      const during: unknown[] = [];
      const { executor, seen } = anExecutor(async (context) => {
        during.push((await stored(context.operation.id)).status, await activeIds(), await lease.fetchLease(SCHEDULER, context.operation.id));
        await context.appendHistory('added 1 rooms');
      });
      const operation = await aStoredOperation();

      const ended = await runnerOf([executor]).run(SCHEDULER, operation.id);

      expect(seen.executed.map((context) => context.operation)).toEqual([{ ...operation, status: 'in_progress' }]);
      expect(seen.executed.map((context) => context.input)).toEqual([{ amount: 1 }]);
      expect(during).toEqual(['in_progress', [operation.id], { operationId: operation.id, ttl: new Date('2026-01-02T10:01:00Z') }]);
      // The runner answers the operation as stored at its end (a reconciler's end would show here).
      expect(ended).toEqual(await stored(operation.id));
      expect(ended?.status).toBe('finished');
      expect(await stored(operation.id)).toMatchObject({ status: 'finished', input: operation.input });
      expect(await history(operation.id)).toEqual(['Created', 'Starting operation', 'added 1 rooms', 'Operation finished']);
      expect(await hasLease(operation.id)).toBe(false);
      expect(await activeIds()).toEqual([]);
      expect(await finishedIds()).toEqual([operation.id]);
    });

    it('stores the input the execution reports, and keeps a no-action operation out of the final listing', async () => {
      const healthController: OperationExecutor<HealthControllerInput> = {
        name: healthControllerDefinition.name,
        execute: async () => ({ input: { took_action: false }, noAction: true }),
        rollback: async () => undefined,
      };
      const operation = await aStoredOperation({ definitionName: 'health_controller', input: {} });
      const ended = await runnerOf([registerOperation(healthControllerDefinition, healthController)]).run(SCHEDULER, operation.id);
      expect(ended).toMatchObject({ status: 'finished', input: { took_action: false } });
      expect(await stored(operation.id)).toMatchObject({ status: 'finished', input: { took_action: false } });
      expect(await finishedIds()).toEqual([]);
    });

    it('skips an operation no executor knows, without running anything or touching its record', async () => {
      const { executor, seen } = anExecutor();
      const operation = await aStoredOperation({ definitionName: 'unknown_operation' });
      expect(await runnerOf([executor]).run(SCHEDULER, operation.id)).toBeUndefined();
      expect(await stored(operation.id)).toEqual(operation);
      expect(seen.executed).toEqual([]);
      expect(await hasLease(operation.id)).toBe(false);
      expect(await finishedIds()).toEqual([]);
      expect(logger.lines).toContainEqual({
        level: 'error',
        msg: 'operation has an unknown definition name; skipped',
        fields: { scheduler_name: SCHEDULER, operation_id: operation.id, operation_definition: 'unknown_operation' },
      });
    });

    it('skips an operation whose input does not parse, without running anything or touching its record', async () => {
      const { executor, seen } = anExecutor();
      const operation = await aStoredOperation({ input: { amount: 'two' } });
      expect(await runnerOf([executor]).run(SCHEDULER, operation.id)).toBeUndefined();
      expect(await stored(operation.id)).toEqual(operation);
      expect(seen.executed).toEqual([]);
      expect(await hasLease(operation.id)).toBe(false);
      expect(logger.messages('error')).toEqual(['operation input could not be decoded; skipped']);
    });

    it('skips an operation that is no longer pending, as it is', async () => {
      const { executor, seen } = anExecutor();
      const operation = await aStoredOperation({ status: 'canceled' });
      expect(await runnerOf([executor]).run(SCHEDULER, operation.id)).toEqual(operation);
      expect(seen.executed).toEqual([]);
      expect(await history(operation.id)).toEqual(['Created']);
      expect(logger.lines).toContainEqual({
        level: 'warn',
        msg: 'operation is not pending; skipped',
        fields: { scheduler_name: SCHEDULER, operation_id: operation.id, status: 'canceled' },
      });
    });

    it('skips an operation it cannot load', async () => {
      expect(await runnerOf([anExecutor().executor]).run(SCHEDULER, 'gone')).toBeUndefined();
      expect(logger.lines).toContainEqual({
        level: 'error',
        msg: 'operation could not be loaded; skipped',
        fields: { scheduler_name: SCHEDULER, operation_id: 'gone', error: 'operation gone not found in scheduler game' },
      });
    });
  });

  describe('lease', () => {
    it('fails an operation whose lease cannot be granted, without running it', async () => {
      const { executor, seen } = anExecutor();
      const operation = await aStoredOperation();
      await lease.grantLease(SCHEDULER, operation.id, 60_000);
      expect((await runnerOf([executor]).run(SCHEDULER, operation.id))?.status).toBe('error');
      expect(await stored(operation.id)).toMatchObject({ status: 'error' });
      expect(await history(operation.id)).toEqual([
        'Created',
        'Starting operation',
        `Failed to grant lease to operation, reason: lease already exists for operation ${operation.id}`,
      ]);
      expect(seen.executed).toEqual([]);
    });

    it('renews the lease to now + its time to live, three times per time to live, while the operation runs', async () => {
      jest.useFakeTimers({ doNotFake: ['Date'] });
      try {
        let finish: () => void = () => undefined;
        const { executor, seen } = anExecutor(() => new Promise<void>((resolve) => (finish = resolve)));
        const operation = await aStoredOperation();
        const renewals: Date[] = [];
        const renew = lease.renewLease.bind(lease);
        lease.renewLease = async (...args) => {
          await renew(...args);
          renewals.push((await lease.fetchLease(SCHEDULER, operation.id)).ttl);
        };
        const running = runnerOf([executor], 3_000).run(SCHEDULER, operation.id);
        await jest.advanceTimersByTimeAsync(0);
        expect(seen.executed).toHaveLength(1);
        expect((await lease.fetchLease(SCHEDULER, operation.id)).ttl).toEqual(new Date('2026-01-02T10:00:03Z'));
        // One renewal per second of a 3-second lease, each to the clock's now + 3 s.
        for (let second = 1; second <= 3; second++) {
          clock.advance(1_000);
          await jest.advanceTimersByTimeAsync(1_000);
        }
        expect(renewals).toEqual([new Date('2026-01-02T10:00:04Z'), new Date('2026-01-02T10:00:05Z'), new Date('2026-01-02T10:00:06Z')]);
        // After a gap longer than the TTL, the next renewal puts the expiry a TTL ahead of now again.
        clock.advance(5_000);
        await jest.advanceTimersByTimeAsync(1_000);
        expect(renewals.at(-1)).toEqual(new Date('2026-01-02T10:00:11Z'));
        finish();
        expect((await running)?.status).toBe('finished');
        expect(await hasLease(operation.id)).toBe(false);
        const renewed = renewals.length;
        await jest.advanceTimersByTimeAsync(3_000);
        expect(renewals).toHaveLength(renewed);
      } finally {
        jest.useRealTimers();
      }
    });

    it('leaves an operation canceled between its check and its start canceled, without running it or keeping its lease', async () => {
      const { executor, seen } = anExecutor();
      const operation = await aStoredOperation();
      // The cancel lands while the lease is granted, after the runner read the operation as pending.
      const grant = lease.grantLease.bind(lease);
      lease.grantLease = async (schedulerName, operationId, ttlMs) => {
        await storage.updateOperationStatus({ ...operation, status: 'canceled' }, { expected: 'pending' });
        await grant(schedulerName, operationId, ttlMs);
      };
      expect((await runnerOf([executor]).run(SCHEDULER, operation.id))?.status).toBe('canceled');
      expect(seen.executed).toEqual([]);
      expect(await hasLease(operation.id)).toBe(false);
      expect(await history(operation.id)).toEqual(['Created', 'Starting operation']);
    });
  });

  describe('start failure', () => {
    it('ends as error an operation whose in_progress write fails, without running it or keeping its lease', async () => {
      storage = new StartFailingStorage(clock);
      const { executor, seen } = anExecutor();
      const operation = await aStoredOperation();
      const ended = await runnerOf([executor]).run(SCHEDULER, operation.id);
      expect(ended?.status).toBe('error');
      expect(await history(operation.id)).toEqual(['Created', 'Starting operation', 'Failed to start operation, reason: Connection is closed.']);
      expect(seen.executed).toEqual([]);
      expect(await hasLease(operation.id)).toBe(false);
      expect(await activeIds()).toEqual([]);
      expect(await finishedIds()).toEqual([operation.id]);
      expect(logger.messages('error')).toContain('operation could not be started');
    });
  });

  describe('rollback', () => {
    it('rolls a failed execution back with its cause and ends it as error', async () => {
      const cause = new Error('more rooms failed than succeeded');
      const { executor, seen } = anExecutor(() => Promise.reject(cause));
      const operation = await aStoredOperation();
      expect((await runnerOf([executor]).run(SCHEDULER, operation.id))?.status).toBe('error');
      expect(seen.rolledBack.map(({ context, cause: given }) => [context.operation.id, given])).toEqual([[operation.id, cause]]);
      expect(await history(operation.id)).toEqual([
        'Created',
        'Starting operation',
        'operation execution failed',
        'Starting operation rollback',
        'Operation rollback flow execution finished with success',
        'Operation finished',
      ]);
      expect(await stored(operation.id)).toMatchObject({ status: 'error', input: operation.input });
      expect(await hasLease(operation.id)).toBe(false);
    });

    it('records a rollback that fails, and still ends the operation', async () => {
      const { executor } = anExecutor(
        () => Promise.reject(new Error('boom')),
        () => Promise.reject(new Error('pods are gone')),
      );
      const operation = await aStoredOperation();
      expect((await runnerOf([executor]).run(SCHEDULER, operation.id))?.status).toBe('error');
      expect(await history(operation.id)).toEqual([
        'Created',
        'Starting operation',
        'operation execution failed',
        'Starting operation rollback',
        'Operation rollback flow execution failed, reason: pods are gone',
        'Operation finished',
      ]);
    });
  });

  describe('cancel', () => {
    it('aborts a running operation on a cancel request: rolled back and canceled', async () => {
      const { executor, seen } = anExecutor((context) => abortedBy(context.signal));
      const operation = await aStoredOperation();
      const runner = runnerOf([executor]);
      expect(runner.abort(operation.id, 'canceled')).toBe(false);
      const running = runner.run(SCHEDULER, operation.id);
      await waitFor(() => seen.executed.length === 1, { description: 'the execution started' });
      expect(runner.abort(operation.id, 'canceled')).toBe(true);
      expect((await running)?.status).toBe('canceled');
      expect(seen.executed[0].signal.reason).toBe('canceled');
      expect(seen.rolledBack).toHaveLength(1);
      expect(await stored(operation.id)).toMatchObject({ status: 'canceled' });
      expect(await history(operation.id)).toEqual([
        'Created',
        'Starting operation',
        'operation execution failed',
        'Starting operation rollback',
        'Operation rollback flow execution finished with success',
        'Operation finished',
      ]);
      expect(await hasLease(operation.id)).toBe(false);
      expect(runner.abort(operation.id, 'canceled')).toBe(false);
    });

    it('ends as error, rolled back, an operation aborted because this worker lost the scheduler lock', async () => {
      const { executor, seen } = anExecutor((context) => abortedBy(context.signal));
      const operation = await aStoredOperation();
      const runner = runnerOf([executor]);
      const running = runner.run(SCHEDULER, operation.id);
      await waitFor(() => seen.executed.length === 1, { description: 'the execution started' });
      expect(runner.abort(operation.id, 'lock_lost')).toBe(true);
      expect((await running)?.status).toBe('error');
      expect(seen.executed[0].signal.reason).toBe('lock_lost');
      expect(seen.rolledBack).toHaveLength(1);
      expect(await stored(operation.id)).toMatchObject({ status: 'error' });
      expect(await history(operation.id)).toEqual([
        'Created',
        'Starting operation',
        'operation aborted: this worker lost the scheduler lock',
        'Starting operation rollback',
        'Operation rollback flow execution finished with success',
        'Operation finished',
      ]);
      expect(await hasLease(operation.id)).toBe(false);
    });

    it("aborts every running operation when the worker stops, with Maestro's context canceled line", async () => {
      const { executor, seen } = anExecutor((context) => abortedBy(context.signal));
      const [first, second] = [await aStoredOperation(), await aStoredOperation({ schedulerName: 'other' })];
      const runner = runnerOf([executor]);
      const running = [runner.run(SCHEDULER, first.id), runner.run('other', second.id)];
      await waitFor(() => seen.executed.length === 2, { description: 'both executions started' });
      runner.abortAll();
      expect((await Promise.all(running)).map((op) => op?.status)).toEqual(['canceled', 'canceled']);
      expect(seen.executed.map((context) => context.signal.reason)).toEqual(['worker_stopping', 'worker_stopping']);
      expect(await history(first.id)).toContain('context canceled');
      expect((await storage.getOperation('other', second.id)).status).toBe('canceled');
    });
  });

  describe('recovery of an operation delivered again while in progress', () => {
    /** An operation left in progress by a worker that died, with the lease it held. */
    async function leftInProgress(leaseTtlMs: number | undefined) {
      const operation = await aStoredOperation();
      await storage.updateOperationStatus({ ...operation, status: 'in_progress' });
      if (leaseTtlMs !== undefined) await lease.grantLease(SCHEDULER, operation.id, leaseTtlMs);
      return operation;
    }
    const RECOVERED = 'Operation recovered: its worker stopped before it finished (lease expired)';

    it('ends it as error once its lease has expired, without running it again', async () => {
      const { executor, seen } = anExecutor();
      const operation = await leftInProgress(5_000);
      clock.advance(5_000);
      expect((await runnerOf([executor]).run(SCHEDULER, operation.id))?.status).toBe('error');
      expect(seen.executed).toEqual([]);
      expect(await history(operation.id)).toEqual(['Created', RECOVERED]);
      expect(await hasLease(operation.id)).toBe(false);
      expect(await finishedIds()).toEqual([operation.id]);
      expect(logger.messages('warn')).toContain('recovered an operation whose worker died');
    });

    it('ends it as error at once when it has no lease', async () => {
      const operation = await leftInProgress(undefined);
      expect((await runnerOf([anExecutor().executor]).run(SCHEDULER, operation.id))?.status).toBe('error');
      expect(await history(operation.id)).toEqual(['Created', RECOVERED]);
    });

    it('waits while its lease is alive, then recovers it once the lease expired', async () => {
      const operation = await leftInProgress(60_000);
      let settled = false;
      const recovering = runnerOf([anExecutor().executor], 10)
        .run(SCHEDULER, operation.id)
        .finally(() => (settled = true));
      const reads = storage.getOperation.bind(storage);
      let polls = 0;
      storage.getOperation = (schedulerName, operationId) => {
        polls += 1;
        return reads(schedulerName, operationId);
      };
      await waitFor(() => polls >= 3, { description: 'the runner polling the live lease' });
      expect(settled).toBe(false);
      expect((await reads(SCHEDULER, operation.id)).status).toBe('in_progress');
      clock.advance(60_000);
      expect((await recovering)?.status).toBe('error');
      expect(await history(operation.id)).toEqual(['Created', RECOVERED]);
    });

    it('answers the operation as its own worker ended it meanwhile, writing nothing', async () => {
      const operation = await leftInProgress(60_000);
      const recovering = runnerOf([anExecutor().executor], 10).run(SCHEDULER, operation.id);
      await storage.updateOperationStatus({ ...operation, status: 'finished' });
      expect(await recovering).toEqual({ ...operation, status: 'finished' });
      expect(await history(operation.id)).toEqual(['Created']);
    });
  });
});
