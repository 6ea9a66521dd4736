import {
  aScheduler,
  InMemoryOperationCancellation,
  InMemoryOperationFlow,
  InMemoryOperationLease,
  InMemoryOperationStorage,
  InMemorySchedulerStorage,
  ManualClock,
} from '@maestro/testing';
import type { Operation, OperationListQuery } from '../entities/operation';
import { AbortedError, NotFoundError, UnexpectedError } from '../errors/domain-error';
import { healthControllerDefinition } from '../operations/maintenance/health-controller/health-controller.definition';
import { storageCleanUpDefinition } from '../operations/maintenance/storage-clean-up/storage-clean-up.definition';
import { addRoomsDefinition } from '../operations/rooms/add-rooms/add-rooms.definition';
import { removeRoomsDefinition } from '../operations/rooms/remove-rooms/remove-rooms.definition';
import { createNewSchedulerVersionDefinition } from '../operations/scheduler/create-new-scheduler-version/create-new-scheduler-version.definition';
import { deleteSchedulerDefinition } from '../operations/scheduler/delete-scheduler/delete-scheduler.definition';
import { switchActiveVersionDefinition } from '../operations/scheduler/switch-active-version/switch-active-version.definition';
import { OperationManager } from './operation-manager';

const SCHEDULER = 'game';
const OPERATIONS_TTL_MS = 60_000;

describe('OperationManager', () => {
  let clock: ManualClock;
  let storage: InMemoryOperationStorage;
  let flow: InMemoryOperationFlow;
  let lease: InMemoryOperationLease;
  let cancellation: InMemoryOperationCancellation;
  let schedulers: InMemorySchedulerStorage;
  let manager: OperationManager;

  beforeEach(async () => {
    clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
    storage = new InMemoryOperationStorage(clock);
    flow = new InMemoryOperationFlow();
    lease = new InMemoryOperationLease(clock);
    cancellation = new InMemoryOperationCancellation();
    schedulers = new InMemorySchedulerStorage(clock);
    await schedulers.createScheduler(scheduler);
    manager = new OperationManager({ storage, flow, lease, cancellation, schedulers, clock }, { operationsTtlMs: OPERATIONS_TTL_MS });
  });

  const scheduler = aScheduler().withName(SCHEDULER).build();
  /** Enqueues each operation as its caller does, through its definition with a typed input. */
  const create = {
    newVersion: () => manager.createOperation(SCHEDULER, createNewSchedulerVersionDefinition, { scheduler }),
    switchVersion: (newActiveVersion = 'v2') => manager.createOperation(SCHEDULER, switchActiveVersionDefinition, { newActiveVersion }),
    deleteScheduler: () => manager.createOperation(SCHEDULER, deleteSchedulerDefinition, {}),
    addRooms: (amount = 1) => manager.createOperation(SCHEDULER, addRoomsDefinition, { amount }),
    removeRooms: () => manager.createOperation(SCHEDULER, removeRoomsDefinition, { amount: 1, rooms_ids: null, reason: 'scale_down' }),
    healthController: () => manager.createOperation(SCHEDULER, healthControllerDefinition, {}),
    storageCleanUp: () => manager.createOperation(SCHEDULER, storageCleanUpDefinition, {}),
  };
  const queued = () => flow.listPendingOperationIds(SCHEDULER);
  const list = (stage: OperationListQuery['stage'], overrides: Partial<OperationListQuery> = {}) =>
    manager.listOperations(SCHEDULER, { stage, sortOrder: 'asc', page: 1, perPage: 10, ...overrides });
  const ids = (operations: Operation[]) => operations.map((op) => op.id);
  /** Moves the operation as a worker would: to in progress, or to an end. */
  const moveTo = (operation: Operation, status: Operation['status'], options: { noAction?: boolean } = {}) =>
    storage.updateOperationStatus({ ...operation, status }, options);

  describe('creating operations', () => {
    it('stores a pending operation with its creation event and queues it at the tail', async () => {
      const first = await create.newVersion();
      clock.advance(1_000);
      const second = await create.switchVersion('v2');
      expect(first).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        schedulerName: SCHEDULER,
        status: 'pending',
        definitionName: 'create_new_scheduler_version',
        createdAt: new Date('2026-01-02T10:00:00Z'),
        input: createNewSchedulerVersionDefinition.toJson({ scheduler }),
        executionHistory: [{ createdAt: new Date('2026-01-02T10:00:00Z'), event: 'Created' }],
      });
      expect(first.input).toMatchObject({ scheduler: { Name: SCHEDULER } });
      expect(await storage.getOperation(SCHEDULER, first.id)).toEqual(first);
      expect(second.input).toEqual({ newActiveVersion: 'v2' });
      expect(second.createdAt).toEqual(new Date('2026-01-02T10:00:01Z'));
      expect(await queued()).toEqual([first.id, second.id]);
    });

    it('queues a priority operation at the head', async () => {
      const normal = await create.storageCleanUp();
      const urgent = await manager.createPriorityOperation(SCHEDULER, addRoomsDefinition, { amount: 2 });
      expect(await queued()).toEqual([urgent.id, normal.id]);
      expect((await storage.getOperation(SCHEDULER, urgent.id)).input).toEqual({ amount: 2 });
    });

    it('lets the records of short-lived operations expire, and keeps the others', async () => {
      const shortLived = await Promise.all([create.healthController(), create.addRooms(), create.removeRooms(), create.storageCleanUp()]);
      expect(shortLived.map((op) => op.definitionName)).toEqual(['health_controller', 'add_rooms', 'remove_rooms', 'storage_clean_up']);
      const kept = await create.newVersion();
      clock.advance(OPERATIONS_TTL_MS);
      for (const operation of shortLived) await expect(storage.getOperation(SCHEDULER, operation.id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await storage.getOperation(SCHEDULER, kept.id)).id).toBe(kept.id);
    });
  });

  it('answers an operation, or not found naming it and its scheduler', async () => {
    const operation = await create.addRooms();
    expect(await manager.getOperation(SCHEDULER, operation.id)).toEqual(operation);
    const missing = manager.getOperation(SCHEDULER, 'nope');
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(missing).rejects.toThrow('operation nope not found in scheduler game');
  });

  describe('listing', () => {
    it('lists the queued operations still pending, in creation order either way', async () => {
      const a = await create.addRooms();
      clock.advance(1_000);
      const b = await create.removeRooms();
      clock.advance(1_000);
      const canceledButQueued = await create.storageCleanUp();
      await moveTo(canceledButQueued, 'canceled');
      const urgent = await manager.createPriorityOperation(SCHEDULER, addRoomsDefinition, { amount: 1 });
      expect(ids((await list('pending')).operations)).toEqual([a.id, b.id, urgent.id]);
      expect(await list('pending', { sortOrder: 'desc' })).toEqual({ operations: [urgent, b, a], page: 1, pageSize: 3, total: 3 });
    });

    it('lists the active operations with their leases, only when every one of them has a lease', async () => {
      const a = await create.addRooms();
      // Created a second apart: operations created in the same instant would list in random (id) order.
      clock.advance(1_000);
      const b = await create.removeRooms();
      await moveTo(a, 'in_progress');
      await moveTo(b, 'in_progress');
      await lease.grantLease(SCHEDULER, a.id, 5_000);
      expect((await list('active')).operations.map((op) => op.lease)).toEqual([undefined, undefined]);
      await lease.grantLease(SCHEDULER, b.id, 9_000);
      const { operations, total } = await list('active');
      expect(total).toBe(2);
      expect(operations.map((op) => [op.id, op.status, op.lease?.ttl])).toEqual([
        [a.id, 'in_progress', new Date('2026-01-02T10:00:06Z')],
        [b.id, 'in_progress', new Date('2026-01-02T10:00:10Z')],
      ]);
    });

    it('bounds the pending and active listings, telling how many wait in the queue', async () => {
      const bounded = new OperationManager(
        { storage, flow, lease, cancellation, schedulers, clock },
        { operationsTtlMs: OPERATIONS_TTL_MS, stageListLimit: 2 },
      );
      const [a, b, c] = [await create.addRooms(), await create.addRooms(), await create.addRooms()];
      const pending = await bounded.listOperations(SCHEDULER, { stage: 'pending', sortOrder: 'asc', page: 1, perPage: 15 });
      expect(pending).toMatchObject({ pageSize: 2, total: 3 });
      expect(ids(pending.operations).sort()).toEqual([a.id, b.id].sort());
      for (const op of [a, b, c]) {
        await moveTo(op, 'in_progress');
        clock.advance(1_000);
      }
      const active = await bounded.listOperations(SCHEDULER, { stage: 'active', sortOrder: 'asc', page: 1, perPage: 15 });
      expect(ids(active.operations).sort()).toEqual([a.id, b.id].sort());
    });

    it('pages the final operations after forgetting those whose record expired', async () => {
      const expired = await create.addRooms();
      clock.advance(1_000);
      const kept = await Promise.all([create.newVersion(), create.switchVersion(), create.deleteScheduler()]);
      for (const operation of [expired, ...kept]) await moveTo(operation, 'finished');
      clock.advance(OPERATIONS_TTL_MS);
      expect(await list('final', { perPage: 2 })).toEqual({ operations: expect.any(Array), page: 1, pageSize: 2, total: 3 });
      const pages = [...(await list('final', { perPage: 2 })).operations, ...(await list('final', { perPage: 2, page: 2 })).operations];
      expect(ids(pages).sort()).toEqual(ids(kept).sort());
    });
  });

  describe('canceling', () => {
    it('cancels a pending operation at once and takes it out of the queue, telling no worker', async () => {
      const operation = await create.addRooms();
      const other = await create.removeRooms();
      await manager.cancelOperation(SCHEDULER, operation.id);
      expect((await storage.getOperation(SCHEDULER, operation.id)).status).toBe('canceled');
      expect(await queued()).toEqual([other.id]);
      expect(cancellation.requests).toEqual([]);
    });

    it('asks the workers to cancel a running operation, leaving its status to them', async () => {
      const operation = await create.addRooms();
      await moveTo(operation, 'in_progress');
      await manager.cancelOperation(SCHEDULER, operation.id);
      expect(cancellation.requests).toEqual([{ schedulerName: SCHEDULER, operationId: operation.id }]);
      expect((await storage.getOperation(SCHEDULER, operation.id)).status).toBe('in_progress');
    });

    it('asks the workers when the operation started between its read and the cancel', async () => {
      const operation = await create.addRooms();
      const read = storage.getOperation.bind(storage);
      storage.getOperation = async (schedulerName, id) => {
        const pending = await read(schedulerName, id);
        await moveTo(operation, 'in_progress');
        return pending;
      };
      await manager.cancelOperation(SCHEDULER, operation.id);
      expect(cancellation.requests).toEqual([{ schedulerName: SCHEDULER, operationId: operation.id }]);
      expect((await read(SCHEDULER, operation.id)).status).toBe('in_progress');
    });

    it('refuses to cancel a final operation', async () => {
      const operation = await create.addRooms();
      await moveTo(operation, 'finished');
      const canceling = manager.cancelOperation(SCHEDULER, operation.id);
      await expect(canceling).rejects.toBeInstanceOf(AbortedError);
      await expect(canceling).rejects.toThrow('cannot cancel operation since status "finished" is a final status');
      expect(cancellation.requests).toEqual([]);
    });

    it("answers an unexpected error for an unknown scheduler or operation (Maestro's 500)", async () => {
      const unknownScheduler = manager.cancelOperation('nobody', 'op');
      await expect(unknownScheduler).rejects.toBeInstanceOf(UnexpectedError);
      await expect(unknownScheduler).rejects.toThrow('failed to fetch scheduler from storage: scheduler nobody not found');
      const unknownOperation = manager.cancelOperation(SCHEDULER, 'nope');
      await expect(unknownOperation).rejects.toBeInstanceOf(UnexpectedError);
      await expect(unknownOperation).rejects.toThrow('failed to fetch operation from storage: operation nope not found in scheduler game');
    });
  });

  describe('finding an ongoing version operation', () => {
    it('finds a queued pending version operation', async () => {
      await create.addRooms();
      const version = await create.newVersion();
      expect(await manager.findOngoingVersionOperation(SCHEDULER)).toBe(version.id);
    });

    it('finds a running version operation', async () => {
      const switching = await create.switchVersion();
      await flow.removeOperationId(SCHEDULER, switching.id);
      await moveTo(switching, 'in_progress');
      expect(await manager.findOngoingVersionOperation(SCHEDULER)).toBe(switching.id);
    });

    it('finds none among other operations, ended ones and queued ids whose record is gone', async () => {
      await create.addRooms();
      const ended = await create.switchVersion();
      await moveTo(ended, 'canceled');
      await flow.insertOperationId(SCHEDULER, 'record-gone');
      expect(await manager.findOngoingVersionOperation(SCHEDULER)).toBeUndefined();
    });
  });
});
