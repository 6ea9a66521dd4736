import {
  aGameRoom,
  aScheduler,
  InMemoryOperationCancellation,
  InMemoryOperationFlow,
  InMemoryOperationLease,
  InMemoryOperationStorage,
  InMemoryRoomStorage,
  InMemorySchedulerCache,
  InMemorySchedulerStorage,
  ManualClock,
} from '@maestro/testing';
import type { Operation } from '../entities/operation';
import type { Scheduler } from '../entities/scheduler';
import { AlreadyExistsError, ConflictError, InvalidArgumentError, NotFoundError } from '../errors/domain-error';
import { createNewSchedulerVersionDefinition } from '../operations/scheduler/create-new-scheduler-version/create-new-scheduler-version.definition';
import { createSchedulerDefinition } from '../operations/scheduler/create-scheduler/create-scheduler.definition';
import { OperationManager } from './operation-manager';
import { SchedulerManager } from './scheduler-manager';

describe('SchedulerManager', () => {
  let schedulers: InMemorySchedulerStorage;
  let cache: InMemorySchedulerCache;
  let rooms: InMemoryRoomStorage;
  let operationStorage: InMemoryOperationStorage;
  let flow: InMemoryOperationFlow;
  let manager: SchedulerManager;

  beforeEach(() => {
    const clock = new ManualClock(new Date('2026-01-02T10:00:00Z'));
    schedulers = new InMemorySchedulerStorage(clock);
    cache = new InMemorySchedulerCache();
    rooms = new InMemoryRoomStorage();
    operationStorage = new InMemoryOperationStorage(clock);
    flow = new InMemoryOperationFlow();
    const operations = new OperationManager(
      { storage: operationStorage, flow, lease: new InMemoryOperationLease(clock), cancellation: new InMemoryOperationCancellation(), schedulers, clock },
      { operationsTtlMs: 60_000 },
    );
    manager = new SchedulerManager({ storage: schedulers, cache, rooms, operations });
  });

  const queued = async (name: string) => Promise.all((await flow.listPendingOperationIds(name)).map((id) => operationStorage.getOperation(name, id)));
  /** The scheduler an operation's input carries, read back by the definition of its name. */
  const schedulerOf = (operation: Operation): Scheduler => {
    const definition = [createSchedulerDefinition, createNewSchedulerVersionDefinition].find((candidate) => candidate.name === operation.definitionName);
    if (!definition) throw new Error(`${operation.definitionName} carries no scheduler`);
    return definition.parse(operation.input).scheduler;
  };
  const anActiveScheduler = async (name = 'game') => {
    const scheduler = aScheduler().withName(name).withGame('my-game').withState('in-sync').withRoomsReplicas(2).build();
    await schedulers.createScheduler(scheduler);
    return scheduler;
  };

  describe('creating a scheduler', () => {
    it('stores it and queues create_scheduler with it', async () => {
      const scheduler = aScheduler().withName('game').build();
      const { scheduler: stored, operation } = await manager.createScheduler(scheduler);
      expect(stored).toEqual({ ...scheduler, createdAt: stored.createdAt });
      expect(await schedulers.getScheduler('game')).toEqual(stored);
      expect(operation).toMatchObject({ schedulerName: 'game', definitionName: 'create_scheduler', status: 'pending' });
      expect(schedulerOf(operation)).toMatchObject({ name: 'game', game: scheduler.game, spec: { version: 'v1.0.0' } });
      expect(await queued('game')).toEqual([operation]);
    });

    it('refuses an invalid scheduler, storing and queueing nothing', async () => {
      await expect(manager.createScheduler(aScheduler().withName('Not A Name').build())).rejects.toBeInstanceOf(InvalidArgumentError);
      expect(await schedulers.listSchedulers()).toEqual([]);
      expect(await flow.listPendingOperationIds('Not A Name')).toEqual([]);
    });

    it('refuses a name taken, queueing nothing', async () => {
      await anActiveScheduler();
      await expect(manager.createScheduler(aScheduler().withName('game').build())).rejects.toBeInstanceOf(AlreadyExistsError);
      expect(await queued('game')).toEqual([]);
    });
  });

  describe('new versions', () => {
    it('queues a new version from a full scheduler, keeping the active game, state and version', async () => {
      const active = await anActiveScheduler();
      const candidate = aScheduler().withName('game').withGame('other-game').withState('creating').withVersion('v9.9.9').withRoomsReplicas(5).build();
      const operation = await manager.createNewSchedulerVersion(candidate);
      expect(operation.definitionName).toBe('create_new_scheduler_version');
      expect(schedulerOf(operation)).toMatchObject({ name: 'game', game: active.game, state: 'in-sync', roomsReplicas: 5, spec: { version: 'v1.0.0' } });
      expect(await queued('game')).toEqual([operation]);
    });

    it('queues a new version from a patch of the active scheduler', async () => {
      await anActiveScheduler();
      const operation = await manager.patchScheduler('game', { roomsReplicas: 7, maxSurge: '50%' });
      expect(schedulerOf(operation)).toMatchObject({ name: 'game', roomsReplicas: 7, maxSurge: '50%', state: 'in-sync' });
    });

    it('refuses an empty patch', async () => {
      await anActiveScheduler();
      const patching = manager.patchScheduler('game', {});
      await expect(patching).rejects.toBeInstanceOf(AlreadyExistsError);
      await expect(patching).rejects.toThrow('no change found to scheduler game');
    });

    it('refuses a version for an unknown scheduler', async () => {
      const creating = manager.createNewSchedulerVersion(aScheduler().withName('nobody').build());
      await expect(creating).rejects.toBeInstanceOf(NotFoundError);
      await expect(creating).rejects.toThrow('no scheduler found, can not create new version for inexistent scheduler: scheduler nobody not found');
      await expect(manager.patchScheduler('nobody', { roomsReplicas: 1 })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses any version operation while another one is ongoing', async () => {
      await anActiveScheduler();
      const ongoing = await manager.switchActiveVersion('game', 'v1.0.0');
      const message = `there is already an ongoing version operation (id: ${ongoing.id}) for scheduler game`;
      await expect(manager.createNewSchedulerVersion(aScheduler().withName('game').build())).rejects.toThrow(
        new ConflictError(`cannot create new scheduler version: ${message}`),
      );
      await expect(manager.patchScheduler('game', { roomsReplicas: 3 })).rejects.toThrow(new ConflictError(`cannot patch scheduler: ${message}`));
      await expect(manager.switchActiveVersion('game', 'v1.0.0')).rejects.toThrow(new ConflictError(`cannot switch active version: ${message}`));
      expect(await queued('game')).toEqual([ongoing]);
    });

    it('queues switch_active_version with the version asked', async () => {
      await anActiveScheduler();
      const operation = await manager.switchActiveVersion('game', 'v2.0.0');
      expect(operation).toMatchObject({ definitionName: 'switch_active_version', input: { newActiveVersion: 'v2.0.0' } });
    });

    it('refuses to switch the version of an unknown scheduler, queueing nothing', async () => {
      const switching = manager.switchActiveVersion('nobody', 'v2.0.0');
      await expect(switching).rejects.toBeInstanceOf(NotFoundError);
      await expect(switching).rejects.toThrow('no scheduler found, can not switch active version of nonexistent scheduler: scheduler nobody not found');
      expect(await queued('nobody')).toEqual([]);
    });
  });

  describe('deleting and scaling', () => {
    it('queues delete_scheduler for a scheduler it has, and refuses an unknown one', async () => {
      await anActiveScheduler();
      expect(await manager.deleteScheduler('game')).toMatchObject({ definitionName: 'delete_scheduler', input: {} });
      const deleting = manager.deleteScheduler('nobody');
      await expect(deleting).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleting).rejects.toThrow('no scheduler found, can not delete nonexistent scheduler: scheduler nobody not found');
    });

    it('queues add_rooms and remove_rooms with the amount', async () => {
      await anActiveScheduler();
      expect(await manager.addRooms('game', 3)).toMatchObject({ definitionName: 'add_rooms', input: { amount: 3 } });
      expect(await manager.removeRooms('game', 2)).toMatchObject({
        definitionName: 'remove_rooms',
        input: { amount: 2, rooms_ids: null, reason: 'scale_down' },
      });
      expect((await queued('game')).map((op) => op.definitionName)).toEqual(['add_rooms', 'remove_rooms']);
    });

    it.each([undefined, 0, -1, 1.5])('refuses to scale by %p rooms', async (amount) => {
      await anActiveScheduler();
      await expect(manager.addRooms('game', amount)).rejects.toThrow(new InvalidArgumentError('amount: must be an integer greater than 0'));
      await expect(manager.removeRooms('game', amount)).rejects.toBeInstanceOf(InvalidArgumentError);
      expect(await queued('game')).toEqual([]);
    });

    it('refuses to scale an unknown scheduler', async () => {
      const adding = manager.addRooms('nobody', 1);
      await expect(adding).rejects.toBeInstanceOf(NotFoundError);
      await expect(adding).rejects.toThrow('scheduler nobody not found');
    });
  });

  describe('reading', () => {
    it('answers the active scheduler from the cache first, and a version from the storage', async () => {
      const active = await anActiveScheduler();
      expect(await manager.getScheduler('game')).toEqual(await schedulers.getScheduler('game'));
      const cached = { ...active, roomsReplicas: 99 };
      await cache.setScheduler(cached, 60_000, (await cache.read('game')).generation);
      expect((await manager.getScheduler('game')).roomsReplicas).toBe(99);
      expect((await manager.getScheduler('game', 'v1.0.0')).roomsReplicas).toBe(2);
      await expect(manager.getScheduler('nobody')).rejects.toBeInstanceOf(NotFoundError);
    });

    it("counts each scheduler's rooms by status, for a game or for all", async () => {
      await anActiveScheduler('a');
      await schedulers.createScheduler(aScheduler().withName('b').withGame('other').build());
      for (const [id, status] of [
        ['r1', 'ready'],
        ['r2', 'ready'],
        ['r3', 'occupied'],
        ['r4', 'pending'],
        ['r5', 'terminating'],
        ['r6', 'error'],
      ] as const) {
        await rooms.createRoom(aGameRoom({ id, schedulerId: 'a', status }));
      }
      expect(await manager.getSchedulersInfo('my-game')).toEqual([
        {
          name: 'a',
          game: 'my-game',
          state: 'in-sync',
          roomsReplicas: 2,
          roomsReady: 2,
          roomsOccupied: 1,
          roomsPending: 1,
          roomsTerminating: 1,
          autoscaling: undefined,
        },
      ]);
      expect((await manager.getSchedulersInfo()).map((info) => [info.name, info.roomsReady])).toEqual([
        ['a', 2],
        ['b', 0],
      ]);
    });
  });
});
