import {
  aGameRoom,
  anInstance,
  aScheduler,
  InMemoryInstanceStorage,
  InMemoryRoomStorage,
  InMemorySchedulerCache,
  InMemorySchedulerStorage,
  ManualClock,
  RecordingLogger,
} from '@maestro/testing';
import type { GameRoom, RoomPing } from '../entities/game-room';
import type { Instance, InstanceStatusType } from '../entities/instance';
import { NotFoundError } from '../errors/domain-error';
import { type RoomEventsSink, RoomStatusService } from './room-status.service';
import { SchedulerLookup } from './scheduler-lookup';

const AT = new Date('2026-01-02T10:00:00Z');

/** A RoomEventsSink that records what it was asked to forward. */
function recordingEvents() {
  const forwarded: string[] = [];
  const sink: RoomEventsSink = {
    forwardPing: async (scheduler, loaded, ping) =>
      void forwarded.push(`ping ${scheduler.name}/${loaded.room.id} ${loaded.room.status} ${loaded.instance.status.type} ${ping.pingStatus}`),
    forwardStatusTerminated: async (scheduler, roomId) => void forwarded.push(`terminated ${scheduler.name}/${roomId}`),
  };
  return { sink, forwarded };
}

describe('RoomStatusService', () => {
  let rooms: InMemoryRoomStorage;
  let instances: InMemoryInstanceStorage;
  let logger: RecordingLogger;
  let forwarded: string[];
  let lookup: SchedulerLookup;
  let service: RoomStatusService;

  beforeEach(async () => {
    const clock = new ManualClock(AT);
    const schedulers = new InMemorySchedulerStorage(clock);
    await schedulers.createScheduler(aScheduler().withName('game').build());
    await schedulers.createScheduler(aScheduler().withName('multi').withMaxMatches(3).build());
    rooms = new InMemoryRoomStorage();
    instances = new InMemoryInstanceStorage();
    logger = new RecordingLogger();
    const events = recordingEvents();
    forwarded = events.forwarded;
    lookup = new SchedulerLookup(new InMemorySchedulerCache(), schedulers, 60_000);
    service = new RoomStatusService({ rooms, instances, schedulers: lookup, clock, logger }, { allocationTtlMs: 300_000 }, events.sink);
  });

  /** A room of `schedulerName` and its instance. */
  async function aRoom(room: Partial<GameRoom>, instanceStatus: InstanceStatusType | undefined, schedulerName = 'game'): Promise<GameRoom> {
    const stored = aGameRoom({ id: 'r1', schedulerId: schedulerName, createdAt: AT, lastPingAt: AT, ...room });
    await rooms.createRoom(stored);
    if (instanceStatus)
      await instances.upsertInstance(anInstance({ id: stored.id, schedulerId: schedulerName, status: { type: instanceStatus, description: '' } }));
    return stored;
  }
  const aPing = (overrides: Partial<RoomPing> = {}): RoomPing => ({
    schedulerName: 'game',
    roomId: 'r1',
    pingStatus: 'ready',
    runningMatches: 0,
    metadata: { region: 'us' },
    at: new Date(AT.getTime() + 5_000),
    ...overrides,
  });
  const statusOf = async (roomId = 'r1', schedulerName = 'game') => (await rooms.getRoom(schedulerName, roomId)).status;

  describe('ping', () => {
    it('records the ping, composes the new status with the instance, and forwards it', async () => {
      await aRoom({ status: 'pending', pingStatus: 'unknown' }, 'ready');
      expect(await service.ping(aPing())).toBe(true);
      expect(await rooms.getRoom('game', 'r1')).toMatchObject({
        status: 'ready',
        pingStatus: 'ready',
        metadata: { region: 'us' },
        lastPingAt: new Date(AT.getTime() + 5_000),
      });
      expect(forwarded).toEqual(['ping game/r1 pending ready ready']);
    });

    it('moves a ready room to occupied, and a room of a multi-match scheduler by its running matches', async () => {
      await aRoom({ status: 'ready', pingStatus: 'ready' }, 'ready');
      expect(await service.ping(aPing({ pingStatus: 'occupied' }))).toBe(true);
      expect(await statusOf()).toBe('occupied');
      await aRoom({ status: 'ready', pingStatus: 'ready' }, 'ready', 'multi');
      expect(await service.ping(aPing({ schedulerName: 'multi', pingStatus: 'occupied', runningMatches: 1 }))).toBe(true);
      expect(await statusOf('r1', 'multi')).toBe('active');
    });

    it('answers true and forwards the ping when the status stays', async () => {
      await aRoom({ status: 'ready', pingStatus: 'ready' }, 'ready');
      expect(await service.ping(aPing())).toBe(true);
      expect(await statusOf()).toBe('ready');
      expect(forwarded).toEqual(['ping game/r1 ready ready ready']);
    });

    it('refuses a transition the rules do not allow, keeping the status but the ping recorded', async () => {
      await aRoom({ status: 'error', pingStatus: 'ready' }, 'ready');
      expect(await service.ping(aPing({ pingStatus: 'occupied' }))).toBe(false);
      expect(await rooms.getRoom('game', 'r1')).toMatchObject({ status: 'error', pingStatus: 'occupied' });
      expect(forwarded).toEqual([]);
    });

    it('answers false for a room, instance or scheduler it cannot find, forwarding nothing', async () => {
      expect(await service.ping(aPing({ roomId: 'nobody' }))).toBe(false);
      await aRoom({ id: 'no-instance' }, undefined);
      expect(await service.ping(aPing({ roomId: 'no-instance' }))).toBe(false);
      await aRoom({ id: 'r1' }, 'ready', 'deleted-scheduler');
      expect(await service.ping(aPing({ schedulerName: 'deleted-scheduler' }))).toBe(false);
      expect(forwarded).toEqual([]);
      expect(logger.messages('debug')).toEqual(['ping not applied', 'ping not applied', 'ping not applied']);
    });

    it('forwards terminated, not the ping, for a room whose instance is terminating', async () => {
      await aRoom({ status: 'ready', pingStatus: 'ready' }, 'terminating');
      expect(await service.ping(aPing())).toBe(true);
      expect(await statusOf()).toBe('terminating');
      expect(forwarded).toEqual(['terminated game/r1']);
    });

    it('answers true even when the ping cannot be forwarded, and logs it', async () => {
      await aRoom({ status: 'pending' }, 'ready');
      const failing = new RoomStatusService(
        { rooms, instances, schedulers: lookup, clock: new ManualClock(AT), logger },
        { allocationTtlMs: 300_000 },
        { forwardPing: () => Promise.reject(new Error('forwarder down')), forwardStatusTerminated: async () => undefined },
      );
      expect(await failing.ping(aPing())).toBe(true);
      expect(await statusOf()).toBe('ready');
      expect(logger.lines).toEqual([
        { level: 'warn', msg: 'failed to forward ping', fields: { scheduler_name: 'game', room_id: 'r1', error: 'Error: forwarder down' } },
      ]);
    });
  });

  describe('instances', () => {
    it('stores an instance the runtime reports and recomputes the room status', async () => {
      await aRoom({ status: 'pending', pingStatus: 'unknown' }, undefined);
      const instance: Instance = anInstance({ id: 'r1', schedulerId: 'game', status: { type: 'ready', description: '' } });
      await service.applyInstance(instance);
      expect(await instances.getInstance('game', 'r1')).toEqual(instance);
      expect(await statusOf()).toBe('unready');
      await service.applyInstance({ ...instance, status: { type: 'error', description: 'CrashLoopBackOff' } });
      expect(await statusOf()).toBe('error');
    });

    it('rebuilds the room of a live pod it has no record of (Redis lost it), with the pod version', async () => {
      const instance = anInstance({ id: 'lost', schedulerId: 'game', status: { type: 'ready', description: '' }, version: 'v7' });
      await service.applyInstance(instance);
      expect(await instances.getInstance('game', 'lost')).toEqual(instance);
      expect(await rooms.getRoom('game', 'lost')).toMatchObject({
        status: 'unready',
        pingStatus: 'unknown',
        version: 'v7',
        createdAt: AT,
        isValidationRoom: false,
      });
      expect(logger.lines).toEqual([{ level: 'info', msg: 'rebuilt the room of a pod without one', fields: { scheduler_name: 'game', room_id: 'lost' } }]);
    });

    it('replaces the partial room record of a live pod (a fault left it without its ping score) with a whole one', async () => {
      await aRoom({ id: 'halved', status: 'ready', pingStatus: 'ready', version: 'v1' }, 'ready');
      rooms.leavePartial('game', 'halved');
      const instance = anInstance({ id: 'halved', schedulerId: 'game', status: { type: 'ready', description: '' }, version: 'v7' });
      await service.applyInstance(instance);
      expect(await rooms.findRoom('game', 'halved')).toMatchObject({ status: 'unready', pingStatus: 'unknown', version: 'v7', lastPingAt: AT });
      expect(await rooms.getAllRoomIds('game')).toEqual(['halved']);
      expect(logger.lines).toEqual([
        { level: 'info', msg: 'replaced a partial room record', fields: { scheduler_name: 'game', room_id: 'halved' } },
        { level: 'info', msg: 'rebuilt the room of a pod without one', fields: { scheduler_name: 'game', room_id: 'halved' } },
      ]);
    });

    it('stores the instance of a terminating pod it has no room of, and fails for the room', async () => {
      const instance = anInstance({ id: 'ghost', schedulerId: 'game', status: { type: 'terminating', description: '' } });
      await expect(service.applyInstance(instance)).rejects.toBeInstanceOf(NotFoundError);
      expect(await instances.getInstance('game', 'ghost')).toEqual(instance);
    });

    it('removes the room and instance of a pod gone, and forwards terminated for a room not yet terminating', async () => {
      await aRoom({ status: 'ready' }, 'ready');
      await service.removeInstance(anInstance({ id: 'r1', schedulerId: 'game' }));
      await expect(rooms.getRoom('game', 'r1')).rejects.toBeInstanceOf(NotFoundError);
      await expect(instances.getInstance('game', 'r1')).rejects.toBeInstanceOf(NotFoundError);
      expect(forwarded).toEqual(['terminated game/r1']);
    });

    it('removes a terminating room of a pod gone without forwarding terminated again', async () => {
      await aRoom({ status: 'terminating' }, 'terminating');
      await service.removeInstance(anInstance({ id: 'r1', schedulerId: 'game' }));
      await expect(rooms.getRoom('game', 'r1')).rejects.toBeInstanceOf(NotFoundError);
      await expect(instances.getInstance('game', 'r1')).rejects.toBeInstanceOf(NotFoundError);
      expect(forwarded).toEqual([]);
    });

    it('fails on a storage outage rather than taking the room for gone, so that its terminated event is not lost', async () => {
      await aRoom({ status: 'ready' }, 'ready');
      const outage = () => Promise.reject(new Error('connection lost'));
      rooms.getRoom = outage;
      rooms.findRoom = outage;
      await expect(service.removeInstance(anInstance({ id: 'r1', schedulerId: 'game' }))).rejects.toThrow('connection lost');
      expect(forwarded).toEqual([]);
      expect(await instances.findInstance('game', 'r1')).toBeDefined();
    });

    it('removes what is left of a pod gone whatever is missing, forwarding only for a room and scheduler it has', async () => {
      await service.removeInstance(anInstance({ id: 'never', schedulerId: 'game' }));
      await aRoom({ status: 'ready' }, 'ready', 'deleted-scheduler');
      await service.removeInstance(anInstance({ id: 'r1', schedulerId: 'deleted-scheduler' }));
      await expect(rooms.getRoom('deleted-scheduler', 'r1')).rejects.toBeInstanceOf(NotFoundError);
      expect(forwarded).toEqual([]);
    });
  });
});
