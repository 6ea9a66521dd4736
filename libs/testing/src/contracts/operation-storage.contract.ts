import { type Clock, NotFoundError, type Operation, type OperationStorage } from '@maestro/domain';
import { anOperation } from '../builders';
import { ManualClock } from '../fakes/manual-clock';
import { waitFor } from '../wait-for';

/**
 * The OperationStorage port's contract, run against the Redis adapter and the in-memory fake.
 * `create(clock)` answers the implementation under test, reading the time (list scores, and for
 * the fake record expiry) from `clock`; scheduler names are unique per test.
 */
export function operationStorageContract(create: (clock: Clock) => OperationStorage): void {
  describe('OperationStorage contract', () => {
    let clock: ManualClock;
    let storage: OperationStorage;
    let names = 0;
    const aName = () => `operation-contract-${++names}`;
    const anOperationOf = (schedulerName: string, id: string, overrides: Partial<Operation> = {}) => anOperation({ id, schedulerName, ...overrides });
    const ids = (operations: Operation[]) => operations.map((op) => op.id);
    const finished = (s: string, query: { page?: number; perPage?: number; sortOrder?: 'asc' | 'desc' } = {}) =>
      storage.listFinishedOperations(s, { page: 1, perPage: 15, sortOrder: 'desc', ...query });

    beforeEach(() => {
      clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
      storage = create(clock);
    });

    it('answers an operation as it was stored, without its lease', async () => {
      const s = aName();
      const createdAt = new Date('2026-01-02T09:59:58.125Z');
      const operation = anOperationOf(s, 'op-1', {
        definitionName: 'create_new_scheduler_version',
        createdAt,
        input: { scheduler: { Name: s, Spec: { Version: 'v2.0.0' } }, amount: 3 },
        executionHistory: [{ createdAt, event: 'Created' }],
      });
      await storage.createOperation({ ...operation, lease: { operationId: 'op-1', ttl: createdAt } });
      expect(await storage.getOperation(s, 'op-1')).toEqual(operation);
      expect(await storage.findOperation(s, 'op-1')).toEqual(operation);
    });

    it('answers not found for an unknown operation, whatever is asked of it', async () => {
      const s = aName();
      await expect(storage.getOperation(s, 'nope')).rejects.toThrow(new NotFoundError(`operation nope not found in scheduler ${s}`));
      expect(await storage.findOperation(s, 'nope')).toBeUndefined();
      await expect(storage.updateOperationStatus(anOperationOf(s, 'nope', { status: 'finished' }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(storage.appendExecutionHistory(s, 'nope', 'Starting operation', clock.now())).rejects.toBeInstanceOf(NotFoundError);
    });

    it('moves an operation to the active list while in progress and to the final list when it ends', async () => {
      const s = aName();
      const op = anOperationOf(s, 'op-1');
      await storage.createOperation(op);
      expect(await storage.listActiveOperations(s)).toEqual([]);
      expect(await storage.updateOperationStatus({ ...op, status: 'in_progress' })).toBe(true);
      expect(await storage.listActiveOperations(s)).toEqual([{ ...op, status: 'in_progress' }]);
      expect((await finished(s)).total).toBe(0);
      await storage.updateOperationStatus({ ...op, status: 'finished' });
      expect(await storage.listActiveOperations(s)).toEqual([]);
      expect(await finished(s)).toEqual({ operations: [{ ...op, status: 'finished' }], total: 1 });
    });

    it('lists a pending operation in neither list, and a canceled one in the final list', async () => {
      const s = aName();
      const op = anOperationOf(s, 'op-1');
      await storage.createOperation(op);
      await storage.updateOperationStatus({ ...op, status: 'in_progress' });
      await storage.updateOperationStatus({ ...op, status: 'pending' });
      expect(await storage.listActiveOperations(s)).toEqual([]);
      expect((await finished(s)).total).toBe(0);
      await storage.updateOperationStatus({ ...op, status: 'canceled' });
      expect(ids((await finished(s)).operations)).toEqual(['op-1']);
    });

    it('lists the pending operations oldest first until their status changes, and one set back to pending again', async () => {
      const s = aName();
      const [first, second, third] = ['p1', 'p2', 'p3'].map((id) => anOperationOf(s, id));
      await storage.createOperation(first);
      clock.advance(1_000);
      await storage.createOperation(second);
      clock.advance(1_000);
      await storage.createOperation(third);
      await storage.createOperation(anOperationOf(s, 'done', { status: 'finished' }));
      expect(await storage.listPendingOperations(s)).toEqual([first, second, third]);
      await storage.updateOperationStatus({ ...first, status: 'in_progress' });
      await storage.updateOperationStatus({ ...third, status: 'canceled' });
      expect(ids(await storage.listPendingOperations(s))).toEqual(['p2']);
      clock.advance(1_000);
      await storage.updateOperationStatus({ ...first, status: 'pending' });
      expect(ids(await storage.listPendingOperations(s))).toEqual(['p2', 'p1']);
      expect(await storage.listPendingOperations(aName())).toEqual([]);
    });

    it('lists no pending operation whose record expired, and forgets it on clean-up', async () => {
      const s = aName();
      await storage.createOperation(anOperationOf(s, 'short'), 200);
      await storage.createOperation(anOperationOf(s, 'kept'));
      clock.advance(200);
      await waitFor(async () => (await storage.listPendingOperations(s)).length === 1, { timeoutMs: 2_000, description: 'the record to expire' });
      await storage.cleanExpiredOperations(s);
      expect(ids(await storage.listPendingOperations(s))).toEqual(['kept']);
    });

    it('writes only the status, whatever else the given operation carries', async () => {
      const s = aName();
      const op = anOperationOf(s, 'op-1', { input: { amount: 1 } });
      await storage.createOperation(op);
      await storage.updateOperationStatus({ ...op, status: 'in_progress', input: { amount: 9 }, executionHistory: [] });
      expect(await storage.getOperation(s, 'op-1')).toEqual({ ...op, status: 'in_progress' });
    });

    it('writes a status only if the stored one is the expected one, and says whether it wrote', async () => {
      const s = aName();
      const op = anOperationOf(s, 'op-1');
      await storage.createOperation(op);
      expect(await storage.updateOperationStatus({ ...op, status: 'canceled' }, { expected: 'pending' })).toBe(true);
      expect(await storage.updateOperationStatus({ ...op, status: 'in_progress' }, { expected: 'pending' })).toBe(false);
      expect((await storage.getOperation(s, 'op-1')).status).toBe('canceled');
      expect(await storage.listActiveOperations(s)).toEqual([]);
      expect(ids((await finished(s)).operations)).toEqual(['op-1']);
    });

    it('rewrites the definition input and nothing else', async () => {
      const s = aName();
      const op = anOperationOf(s, 'hc', { definitionName: 'health_controller', input: {} });
      await storage.createOperation(op);
      await storage.updateOperationDefinition({ ...op, status: 'finished', input: { took_action: true } });
      expect(await storage.getOperation(s, 'hc')).toEqual({ ...op, input: { took_action: true } });
    });

    it('appends history events in order, with their times to the millisecond', async () => {
      const s = aName();
      const op = anOperationOf(s, 'op-1');
      await storage.createOperation(op);
      await storage.appendExecutionHistory(s, 'op-1', 'Starting operation', new Date('2026-01-02T10:00:01.250Z'));
      await storage.appendExecutionHistory(s, 'op-1', 'Operation finished', new Date('2026-01-02T10:00:02Z'));
      expect((await storage.getOperation(s, 'op-1')).executionHistory).toEqual([
        ...op.executionHistory,
        { createdAt: new Date('2026-01-02T10:00:01.250Z'), event: 'Starting operation' },
        { createdAt: new Date('2026-01-02T10:00:02Z'), event: 'Operation finished' },
      ]);
    });

    it('pages the final list by finish time, sorts each page by creation time, and hides no-action operations', async () => {
      const s = aName();
      // Created in the order c1..c4, finished in the order c3, c1, (c2 without action), c4, a second apart.
      const ops = [1, 2, 3, 4].map((i) => anOperationOf(s, `c${i}`, { createdAt: new Date(Date.UTC(2026, 0, 2, 9, 0, i)) }));
      for (const op of ops) await storage.createOperation(op);
      for (const [op, noAction] of [
        [ops[2], false],
        [ops[0], false],
        [ops[1], true],
        [ops[3], false],
      ] as const) {
        clock.advance(1_000);
        await storage.updateOperationStatus({ ...op, status: 'finished' }, { noAction });
      }
      const page = async (page: number, sortOrder: 'asc' | 'desc') => {
        const result = await finished(s, { page, perPage: 2, sortOrder });
        expect(result.total).toBe(3);
        return ids(result.operations);
      };
      expect(await page(1, 'desc')).toEqual(['c4', 'c1']);
      expect(await page(2, 'desc')).toEqual(['c3']);
      expect(await page(1, 'asc')).toEqual(['c1', 'c3']);
      expect(await page(2, 'asc')).toEqual(['c4']);
      expect(await page(3, 'asc')).toEqual([]);
      expect((await storage.getOperation(s, 'c2')).status).toBe('finished');
    });

    it('lets the record of a short-lived operation expire after its time to live, and keeps the others', async () => {
      const s = aName();
      await storage.createOperation(anOperationOf(s, 'short'), 50);
      await storage.createOperation(anOperationOf(s, 'kept'));
      clock.advance(50);
      await waitFor(
        async () =>
          storage.getOperation(s, 'short').then(
            () => false,
            (error: unknown) => error instanceof NotFoundError,
          ),
        {
          timeoutMs: 2_000,
          description: 'the record to expire',
        },
      );
      await expect(storage.updateOperationStatus(anOperationOf(s, 'short', { status: 'finished' }))).rejects.toBeInstanceOf(NotFoundError);
      expect((await storage.getOperation(s, 'kept')).id).toBe('kept');
    });

    it('forgets the listed ids of expired records on clean-up, in the final and no-action lists', async () => {
      const s = aName();
      for (const id of ['short', 'quiet', 'kept']) await storage.createOperation(anOperationOf(s, id), id === 'kept' ? undefined : 200);
      await storage.updateOperationStatus(anOperationOf(s, 'short', { status: 'finished' }));
      await storage.updateOperationStatus(anOperationOf(s, 'quiet', { status: 'finished' }), { noAction: true });
      await storage.updateOperationStatus(anOperationOf(s, 'kept', { status: 'error' }));
      clock.advance(200);
      await waitFor(async () => (await finished(s)).operations.length === 1, { timeoutMs: 2_000, description: 'the records to expire' });
      await storage.cleanExpiredOperations(s);
      expect(await finished(s)).toEqual({ operations: [anOperationOf(s, 'kept', { status: 'error' })], total: 1 });
    });

    it('deletes the final list and its operations, leaving the others', async () => {
      const s = aName();
      for (const id of ['old', 'running', 'quiet']) await storage.createOperation(anOperationOf(s, id));
      await storage.updateOperationStatus(anOperationOf(s, 'old', { status: 'finished' }));
      await storage.updateOperationStatus(anOperationOf(s, 'running', { status: 'in_progress' }));
      await storage.updateOperationStatus(anOperationOf(s, 'quiet', { status: 'finished' }), { noAction: true });
      await storage.deleteHistory(s);
      await expect(storage.getOperation(s, 'old')).rejects.toBeInstanceOf(NotFoundError);
      expect(await finished(s)).toEqual({ operations: [], total: 0 });
      expect(ids(await storage.listActiveOperations(s))).toEqual(['running']);
      expect((await storage.getOperation(s, 'quiet')).status).toBe('finished');
      await expect(storage.deleteHistory(aName())).resolves.toBeUndefined();
    });

    it('lists at most the limit of active operations, oldest first', async () => {
      const s = aName();
      for (const id of ['first', 'second', 'third']) {
        await storage.createOperation(anOperationOf(s, id));
        await storage.updateOperationStatus(anOperationOf(s, id, { status: 'in_progress' }));
        clock.advance(1_000);
      }
      expect(ids(await storage.listActiveOperations(s, 2))).toEqual(['first', 'second']);
      expect(ids(await storage.listActiveOperations(s))).toEqual(['first', 'second', 'third']);
    });

    it('keeps the operations of schedulers apart under the same id', async () => {
      const [s1, s2] = [aName(), aName()];
      await storage.createOperation(anOperationOf(s1, 'same', { definitionName: 'add_rooms' }));
      await storage.createOperation(anOperationOf(s2, 'same', { definitionName: 'remove_rooms' }));
      await storage.updateOperationStatus(anOperationOf(s1, 'same', { status: 'in_progress' }));
      expect((await storage.getOperation(s2, 'same')).status).toBe('pending');
      expect(await storage.listActiveOperations(s2)).toEqual([]);
    });
  });
}
