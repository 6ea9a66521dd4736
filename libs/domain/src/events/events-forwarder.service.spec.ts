import { aForwarder, aGameRoom, anInstance, aScheduler } from '@maestro/testing';
import type { GameRoom } from '../entities/game-room';
import type { Instance } from '../entities/instance';
import type { Forwarder, Scheduler } from '../entities/scheduler';
import { NotFoundError } from '../errors/domain-error';
import type { EventsForwarder } from '../ports/events-forwarder.port';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { Logger, LogFields } from '../ports/logger.port';
import type { RoomStorage } from '../ports/room-storage.port';
import { systemClock } from '../ports/clock.port';
import type { RoomEventsSink } from '../services/room-status.service';
import { EventsForwarderService } from './events-forwarder.service';
import { EventForwardingError } from './events-forwarding.errors';
import type { ForwardResult, PlayerEventMessage, RoomMessage } from './forwarder-messages';

interface Sent {
  forwarder: string;
  rpc: string;
  body: any;
}

class FakeForwarder implements EventsForwarder {
  readonly sent: Sent[] = [];
  readonly failing = new Set<string>();

  async forwardRoomEvent(forwarder: Forwarder, message: RoomMessage): Promise<ForwardResult> {
    return this.record(forwarder, message.rpc, message.body);
  }

  async forwardPlayerEvent(forwarder: Forwarder, message: PlayerEventMessage): Promise<ForwardResult> {
    return this.record(forwarder, 'SendPlayerEvent', message);
  }

  private record(forwarder: Forwarder, rpc: string, body: unknown): ForwardResult {
    if (this.failing.has(forwarder.name)) throw EventForwardingError.withStatus(forwarder.name, 'Unavailable');
    this.sent.push({ forwarder: forwarder.name, rpc, body });
    return { code: 200, outcome: 'OK', message: '' };
  }
}

class RecordingLogger implements Logger {
  readonly lines: Array<{ level: string; msg: string; fields?: LogFields }> = [];
  debug = (msg: string, fields?: LogFields) => this.lines.push({ level: 'debug', msg, fields });
  info = (msg: string, fields?: LogFields) => this.lines.push({ level: 'info', msg, fields });
  warn = (msg: string, fields?: LogFields) => this.lines.push({ level: 'warn', msg, fields });
  error = (msg: string, fields?: LogFields) => this.lines.push({ level: 'error', msg, fields });
  child = () => this;
}

const ROOM = 'sched-r1';
const address = { host: 'node-1', ports: [{ name: 'default', port: 40001, protocol: 'TCP' }] };

function setUp(options: { forwarders?: Forwarder[]; room?: GameRoom; instance?: Instance } = {}) {
  const scheduler = aScheduler()
    .withName('sched')
    .withGame('game')
    .withForwarders(...(options.forwarders ?? [aForwarder({ name: 'mm', options: { timeoutMs: 100, metadata: { roomType: 'green' } } })]))
    .build();
  const reads: string[] = [];
  const findRoom = async (schedulerName: string, id: string) => {
    reads.push(`room:${schedulerName}/${id}`);
    return options.room && id === options.room.id ? options.room : undefined;
  };
  const findInstance = async (schedulerName: string, id: string) => {
    reads.push(`instance:${schedulerName}/${id}`);
    return options.instance && id === options.instance.id ? options.instance : undefined;
  };
  const rooms = {
    findRoom,
    getRoom: async (schedulerName: string, id: string) => (await findRoom(schedulerName, id)) ?? Promise.reject(new NotFoundError(`room ${id} not found`)),
  } as unknown as RoomStorage;
  const instances = {
    findInstance,
    getInstance: async (schedulerName: string, id: string) =>
      (await findInstance(schedulerName, id)) ?? Promise.reject(new NotFoundError(`instance ${id} not found`)),
  } as unknown as InstanceStorage;
  const schedulers = {
    get: async (name: string): Promise<Scheduler> => {
      if (name !== scheduler.name) throw new NotFoundError(`scheduler ${name} not found`);
      return scheduler;
    },
  };
  const forwarder = new FakeForwarder();
  const logger = new RecordingLogger();
  const service = new EventsForwarderService({ forwarder, schedulers, rooms, instances, logger, clock: { now: () => new Date(0) } });
  return { service, forwarder, logger, reads, scheduler };
}

const liveRoom = (overrides: Partial<GameRoom> = {}) => ({
  room: aGameRoom({ id: ROOM, schedulerId: 'sched', status: 'ready', ...overrides }),
  instance: anInstance({ id: ROOM, schedulerId: 'sched', address }),
});

describe('EventsForwarderService', () => {
  describe('which forwarders are called', () => {
    it('calls enabled forwarders in list order, skipping disabled ones', async () => {
      const { service, forwarder } = setUp({
        ...liveRoom(),
        forwarders: [aForwarder({ name: 'a' }), aForwarder({ name: 'off', enabled: false }), aForwarder({ name: 'b' })],
      });
      const report = await service.forwardRoomEvent('sched', ROOM, { eventType: 'roomEvent', roomEvent: 'm' });
      expect(forwarder.sent.map((s) => s.forwarder)).toEqual(['a', 'b']);
      expect(report.sent.map((s) => [s.forwarder, s.rpc, s.result.outcome])).toEqual([
        ['a', 'SendRoomEvent', 'OK'],
        ['b', 'SendRoomEvent', 'OK'],
      ]);
    });

    it('stops at the first failing forwarder and returns its error', async () => {
      const { service, forwarder } = setUp({ ...liveRoom(), forwarders: [aForwarder({ name: 'a' }), aForwarder({ name: 'b' }), aForwarder({ name: 'c' })] });
      forwarder.failing.add('b');
      await expect(service.roomEvent('sched', ROOM, 'm')).resolves.toEqual({
        success: false,
        message: 'failed to forward event room at "b" with code Unavailable',
      });
      expect(forwarder.sent.map((s) => s.forwarder)).toEqual(['a']);
    });

    it('succeeds without reading anything when no forwarder is enabled, even for invalid events', async () => {
      const { service, forwarder, reads } = setUp({ forwarders: [aForwarder({ enabled: false })] });
      await expect(service.forwardRoomEvent('sched', 'missing', { eventType: 'nonsense' })).resolves.toEqual({ sent: [], skipped: 'no_enabled_forwarder' });
      await expect(service.playerEvent('sched', 'missing', 'danced')).resolves.toEqual({ success: true, message: '' });
      await expect(service.statusEvent('sched', 'missing', 'bogus')).resolves.toBe(true);
      expect(forwarder.sent).toEqual([]);
      expect(reads).toEqual([]);
    });

    it('answers an unknown scheduler with success false', async () => {
      const { service } = setUp(liveRoom());
      await expect(service.roomEvent('nope', ROOM, 'm')).resolves.toEqual({ success: false, message: 'scheduler nope not found' });
      await expect(service.statusEvent('nope', ROOM, 'ready')).resolves.toBe(false);
    });
  });

  describe('room events of live rooms', () => {
    it('fails when the room is missing, with the storage error in the message', async () => {
      const { service } = setUp({ instance: liveRoom().instance });
      const sending = service.forwardRoomEvent('sched', ROOM, { eventType: 'roomEvent', roomEvent: 'm' });
      await expect(sending).rejects.toThrow(`failed to get room ${ROOM} from storage: room ${ROOM} not found`);
      await expect(sending).rejects.toBeInstanceOf(NotFoundError);
    });

    it('fails when the instance is missing', async () => {
      const { service } = setUp({ room: liveRoom().room });
      await expect(service.roomEvent('sched', ROOM, 'm')).resolves.toEqual({ success: false, message: `instance ${ROOM} not found` });
    });

    it('drops events of validation rooms silently', async () => {
      const { service, forwarder } = setUp(liveRoom({ isValidationRoom: true }));
      await expect(service.roomEvent('sched', ROOM, 'm')).resolves.toEqual({ success: true, message: '' });
      await expect(service.forwardRoomEvent('sched', ROOM, { eventType: 'status', pingType: 'ready' })).resolves.toEqual({
        sent: [],
        skipped: 'validation_room',
      });
      expect(forwarder.sent).toEqual([]);
    });

    it('sends the deprecated status route as SendRoomStatus and answers a boolean', async () => {
      const { service, forwarder } = setUp(liveRoom());
      await expect(service.statusEvent('sched', ROOM, 'Occupied', { k: 'v' })).resolves.toBe(true);
      expect(forwarder.sent[0]).toMatchObject({ rpc: 'SendRoomStatus', body: { statusType: 1, room: { host: 'node-1', port: 40001, roomType: 'green' } } });
      expect(forwarder.sent[0].body.room.metadata).toMatchObject({ k: 'v', eventType: 'status', pingType: 'Occupied' });
      await expect(service.statusEvent('sched', ROOM, 'pending')).resolves.toBe(false);
    });
  });

  describe('unreliable events (terminating, terminated)', () => {
    it('uses the placeholder instance when room and instance are gone', async () => {
      const { service, forwarder } = setUp();
      await service.forwardStatusTerminated('sched', ROOM);
      expect(forwarder.sent).toEqual([
        {
          forwarder: 'mm',
          rpc: 'SendRoomStatus',
          body: {
            statusType: 3,
            room: {
              game: 'game',
              roomId: ROOM,
              host: '',
              port: 0,
              roomType: 'green',
              metadata: {
                roomType: 'green',
                eventType: 'status',
                pingType: 'terminated',
                roomEvent: 'terminated',
                ports: '[{"name":"","port":0,"protocol":""}]',
              },
            },
          },
        },
      ]);
    });

    it('uses the real instance when it still exists, and skips validation rooms', async () => {
      const live = setUp(liveRoom());
      await live.service.forwardStatusTerminated(live.scheduler, ROOM, { lastPing: 'meta', pingType: 'ready' });
      expect(live.forwarder.sent[0].body.room).toMatchObject({ host: 'node-1', port: 40001 });
      expect(live.forwarder.sent[0].body.room.metadata).toMatchObject({
        lastPing: 'meta',
        pingType: 'terminated',
        roomEvent: 'terminated',
        eventType: 'status',
      });
      const validation = setUp(liveRoom({ isValidationRoom: true }));
      await validation.service.forwardStatusTerminated('sched', ROOM);
      expect(validation.forwarder.sent).toEqual([]);
    });

    it('treats a room event named terminated as unreliable too', async () => {
      const { service, forwarder } = setUp();
      await expect(service.roomEvent('sched', ROOM, 'terminated')).resolves.toEqual({ success: true, message: '' });
      expect(forwarder.sent[0]).toMatchObject({ rpc: 'SendRoomEvent', body: { eventType: 'terminated', room: { host: '', port: 0 } } });
    });

    it('only logs a failing termination', async () => {
      const { service, forwarder, logger } = setUp();
      forwarder.failing.add('mm');
      await expect(service.forwardStatusTerminated('sched', ROOM)).resolves.toBeUndefined();
      expect(logger.lines).toContainEqual({
        level: 'warn',
        msg: 'failed to forward room termination',
        fields: { scheduler_name: 'sched', room_id: ROOM, error: 'failed to forward event room at "mm" with code Unavailable' },
      });
    });
  });

  describe('pings', () => {
    it('forwards a ping as resync with the room and instance already read', async () => {
      const { service, forwarder, reads, scheduler } = setUp();
      await service.forwardPing(scheduler, liveRoom(), { pingStatus: 'occupied', metadata: { players: 3 } });
      expect(reads).toEqual([]);
      expect(forwarder.sent[0]).toMatchObject({ rpc: 'SendRoomResync', body: { statusType: 1, room: { host: 'node-1', port: 40001 } } });
      expect(forwarder.sent[0].body.room.metadata).toMatchObject({ players: '3', eventType: 'resync', pingType: 'occupied' });
    });

    it('does not forward pings of validation rooms and only logs failures', async () => {
      const { service, forwarder, logger, scheduler } = setUp();
      await service.forwardPing(scheduler, liveRoom({ isValidationRoom: true }), { pingStatus: 'ready', metadata: {} });
      expect(forwarder.sent).toEqual([]);
      forwarder.failing.add('mm');
      await expect(service.forwardPing(scheduler, liveRoom(), { pingStatus: 'ready', metadata: {} })).resolves.toBeUndefined();
      expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual(['failed to forward ping']);
    });
  });

  describe('player events', () => {
    it('sends SendPlayerEvent without reading room or instance', async () => {
      const { service, forwarder, reads } = setUp();
      await expect(service.playerEvent('sched', ROOM, 'playerLeft', { playerId: 'p9' })).resolves.toEqual({ success: true, message: '' });
      expect(reads).toEqual([]);
      expect(forwarder.sent).toEqual([
        {
          forwarder: 'mm',
          rpc: 'SendPlayerEvent',
          body: {
            playerId: 'p9',
            eventType: 1,
            room: { game: 'game', roomId: ROOM },
            metadata: { playerId: 'p9', eventType: 'playerLeft', roomType: 'green' },
          },
        },
      ]);
    });

    it('answers validation failures with their message', async () => {
      const { service } = setUp();
      await expect(service.playerEvent('sched', ROOM, 'playerJoin', {})).resolves.toEqual({
        success: false,
        message: 'eventAttributes must contain key "playerId" in playerEvent events. Forwarder name: "mm", Scheduler: "sched"',
      });
      await expect(service.playerEvent('sched', ROOM, 'jumped', { playerId: 'p' })).resolves.toEqual({
        success: false,
        message: 'invalid PlayerEventType. Should be "playerLeft" or "playerJoin"',
      });
    });
  });

  it("serves RoomStatusService as its events sink: the ping's own room and instance, then a gone room's placeholder", async () => {
    const { forwarder, scheduler } = setUp();
    const sink: RoomEventsSink = new EventsForwarderService({
      forwarder,
      schedulers: { get: async () => scheduler },
      rooms: { findRoom: async () => undefined } as unknown as RoomStorage,
      instances: { findInstance: async () => undefined } as unknown as InstanceStorage,
      logger: new RecordingLogger(),
      clock: systemClock,
    });
    await sink.forwardPing(scheduler, liveRoom(), { pingStatus: 'ready', metadata: {} });
    await sink.forwardStatusTerminated(scheduler, ROOM);
    expect(forwarder.sent.map((s) => [s.rpc, s.body.room.host])).toEqual([
      ['SendRoomResync', 'node-1'],
      ['SendRoomStatus', ''],
    ]);
  });
});
