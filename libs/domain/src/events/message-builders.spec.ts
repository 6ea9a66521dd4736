import { aForwarder, anInstance, aScheduler } from '@maestro/testing';
import type { Forwarder } from '../entities/scheduler';
import { InvalidArgumentError } from '../errors/domain-error';
import { playerEventAttributes, resyncAttributes, roomEventAttributes, statusAttributes, terminatedAttributes } from './event-attributes';
import { EventForwardingError } from './events-forwarding.errors';
import { responseOutcome } from './forwarder-messages';
import { buildPlayerMessage, buildRoomMessage, enabledForwarders, PLACEHOLDER_INSTANCE, portsAttribute, selectRoomPort } from './message-builders';

const scheduler = aScheduler().withName('my-sched').withGame('my-game').build();
const fwd = (metadata: Record<string, unknown> = {}, name = 'matchmaker'): Forwarder => aForwarder({ name, options: { timeoutMs: 1000, metadata } });
const instance = anInstance({ id: 'my-sched-x7k2p', address: { host: 'node-1.example.com', ports: [{ name: 'default', port: 40001, protocol: 'TCP' }] } });
const room = (attributes: ReturnType<typeof resyncAttributes>, forwarder = fwd(), target = instance) =>
  buildRoomMessage({ scheduler, forwarder, roomId: 'my-sched-x7k2p', instance: target, attributes });

describe('room port selection', () => {
  it('prefers the port named clientPort, else takes the first', () => {
    const ports = [
      { name: 'a', port: 1, protocol: 'UDP' },
      { name: 'clientPort', port: 2, protocol: 'TCP' },
    ];
    expect(selectRoomPort(anInstance({ address: { host: 'h', ports } }))?.port).toBe(2);
    expect(selectRoomPort(anInstance({ address: { host: 'h', ports: ports.slice(0, 1) } }))?.port).toBe(1);
  });

  it('refuses an instance without address or ports, naming forwarder and scheduler', () => {
    const message = 'no room port found to forward roomEvent. Forwarder name: "matchmaker", Scheduler: "my-sched"';
    expect(() => room(resyncAttributes({}, 'ready'), fwd(), anInstance({ address: undefined }))).toThrow(new InvalidArgumentError(message));
    expect(() => room(resyncAttributes({}, 'ready'), fwd(), anInstance({ address: { host: 'h', ports: [] } }))).toThrow(message);
  });

  it('writes the ports attribute with keys name, port, protocol in that order', () => {
    const reordered = [{ protocol: 'UDP', port: 7, name: 'p' }];
    expect(portsAttribute(reordered)).toBe('[{"name":"p","port":7,"protocol":"UDP"}]');
  });
});

describe('resync and status messages', () => {
  it('builds the typical resync message of the spec', () => {
    const forwarder = fwd({ roomType: 'green', forwarderMetadata1: 'value1', forwarderMetadata2: 245 });
    expect(room(resyncAttributes({ eventMetadata1: 'value1', eventMetadata2: true }, 'ready'), forwarder)).toEqual({
      rpc: 'SendRoomResync',
      body: {
        statusType: 0,
        room: {
          game: 'my-game',
          roomId: 'my-sched-x7k2p',
          host: 'node-1.example.com',
          port: 40001,
          roomType: 'green',
          metadata: {
            roomType: 'green',
            forwarderMetadata1: 'value1',
            forwarderMetadata2: '245',
            eventMetadata1: 'value1',
            eventMetadata2: 'true',
            eventType: 'resync',
            pingType: 'ready',
            ports: '[{"name":"default","port":40001,"protocol":"TCP"}]',
          },
        },
      },
    });
  });

  it.each([
    ['ready', 0],
    ['occupied', 1],
    ['terminating', 2],
    ['terminated', 3],
    ['OCCUPIED', 1],
    ['Terminated', 3],
  ])('maps pingType %s to statusType %d (case-insensitive)', (pingType, statusType) => {
    const message = room(statusAttributes({}, pingType));
    expect(message.rpc).toBe('SendRoomStatus');
    expect(message.body).toMatchObject({ statusType });
  });

  it('lets event attributes overwrite forwarder metadata', () => {
    const message = room(statusAttributes({ roomType: 'blue', shared: 'event' }, 'ready'), fwd({ roomType: 'green', shared: 'forwarder' }));
    expect(message.body.room.metadata).toMatchObject({ roomType: 'blue', shared: 'event' });
    expect(message.body.room.roomType).toBe('green');
  });

  it('fills roomType only when the forwarder metadata holds a string', () => {
    expect(room(resyncAttributes({}, 'ready'), fwd({ roomType: 245 })).body.room).not.toHaveProperty('roomType');
    expect(room(resyncAttributes({}, 'ready'), fwd()).body.room).not.toHaveProperty('roomType');
  });

  it('refuses a missing or unknown pingType and an unknown eventType', () => {
    expect(() => room({ eventType: 'resync' })).toThrow('roomEvent of type ping or status must contain key "pingType" in eventAttributes');
    expect(() => room(statusAttributes({}, 'pending'))).toThrow('invalid RoomStatusType. Should be "ready", "occupied", "terminating" or "terminated"');
    expect(() => room({ eventType: 'ping', pingType: 'ready' })).toThrow(
      new InvalidArgumentError('invalid RoomEventType, should be resync, roomEvent or status'),
    );
  });

  it('describes a gone instance with the placeholder: host "", port 0', () => {
    const message = room(terminatedAttributes(), fwd(), PLACEHOLDER_INSTANCE);
    expect(message).toMatchObject({ rpc: 'SendRoomStatus', body: { statusType: 3, room: { host: '', port: 0 } } });
    expect(message.body.room.metadata).toEqual({
      eventType: 'status',
      pingType: 'terminated',
      roomEvent: 'terminated',
      ports: '[{"name":"","port":0,"protocol":""}]',
    });
  });
});

describe('room event messages', () => {
  it('sends the event name as eventType, forwarder metadata overwriting attributes, without roomType', () => {
    const message = room(roomEventAttributes({ roomType: 'mine', extra: 1 }, 'matchStarted'), fwd({ roomType: 'green' }));
    expect(message).toEqual({
      rpc: 'SendRoomEvent',
      body: {
        eventType: 'matchStarted',
        room: {
          game: 'my-game',
          roomId: 'my-sched-x7k2p',
          host: 'node-1.example.com',
          port: 40001,
          metadata: {
            roomType: 'green',
            extra: '1',
            eventType: 'roomEvent',
            roomEvent: 'matchStarted',
            ports: '[{"name":"default","port":40001,"protocol":"TCP"}]',
          },
        },
      },
    });
  });

  it('refuses a missing or non-string roomEvent', () => {
    expect(() => room({ eventType: 'roomEvent' })).toThrow("invalid or missing eventAttributes.Other['roomEvent'] field");
    expect(() => room({ eventType: 'roomEvent', roomEvent: 3 })).toThrow("invalid or missing eventAttributes.Other['roomEvent'] field");
  });
});

describe('player event messages', () => {
  const player = (attributes: ReturnType<typeof playerEventAttributes>, forwarder = fwd({ roomType: 'green', other: 'x' })) =>
    buildPlayerMessage({ scheduler, forwarder, roomId: 'r1', attributes });

  it('maps playerJoin and playerLeft, with room game and id only and the forwarder roomType on top', () => {
    expect(player(playerEventAttributes({ playerId: 'p1', roomType: 'mine', level: 3 }, 'playerJoin'))).toEqual({
      playerId: 'p1',
      room: { game: 'my-game', roomId: 'r1' },
      eventType: 0,
      metadata: { playerId: 'p1', roomType: 'green', level: '3', eventType: 'playerJoin' },
    });
    expect(player(playerEventAttributes({ playerId: 'p1' }, 'playerLeft')).eventType).toBe(1);
  });

  it('copies roomType of any type, and nothing when the forwarder has none', () => {
    expect(player(playerEventAttributes({ playerId: 'p' }, 'playerJoin'), fwd({ roomType: 245 })).metadata.roomType).toBe('245');
    expect(player(playerEventAttributes({ playerId: 'p' }, 'playerJoin'), fwd()).metadata).toEqual({ playerId: 'p', eventType: 'playerJoin' });
  });

  it('refuses a missing or non-string playerId before the event type', () => {
    const message = 'eventAttributes must contain key "playerId" in playerEvent events. Forwarder name: "matchmaker", Scheduler: "my-sched"';
    expect(() => player(playerEventAttributes({}, 'nope'))).toThrow(message);
    expect(() => player(playerEventAttributes({ playerId: 7 }, 'playerJoin'))).toThrow(message);
  });

  it('refuses events other than playerJoin and playerLeft', () => {
    expect(() => player(playerEventAttributes({ playerId: 'p' }, 'PLAYER_JOINED'))).toThrow('invalid PlayerEventType. Should be "playerLeft" or "playerJoin"');
    expect(() => player(playerEventAttributes({ playerId: 'p' }, 'toString'))).toThrow(InvalidArgumentError);
  });
});

describe('forwarders and results', () => {
  it('keeps enabled forwarders in list order', () => {
    const list = [aForwarder({ name: 'a' }), aForwarder({ name: 'off', enabled: false }), aForwarder({ name: 'b' })];
    expect(
      enabledForwarders(
        aScheduler()
          .withForwarders(...list)
          .build(),
      ).map((f) => f.name),
    ).toEqual(['a', 'b']);
  });

  it.each([
    [200, 'OK'],
    [404, 'NotFound'],
    [406, 'FailedPrecondition'],
    [500, 'Internal'],
    [201, 'Unknown'],
    [0, 'Unknown'],
  ])('names response code %d %s', (code, outcome) => {
    expect(responseOutcome(code)).toBe(outcome);
  });

  it("words transport failures as Maestro's", () => {
    expect(EventForwardingError.withStatus('mm', 'Unavailable').message).toBe('failed to forward event room at "mm" with code Unavailable');
    expect(EventForwardingError.unknown('mm', new Error('boom')).message).toBe('failed to forward event room at "mm" with unknown grpc code: boom');
    expect(EventForwardingError.connect('mm', 'bad:addr', new Error('no')).message).toBe('failed to connect at bad:addr: no');
    expect(EventForwardingError.withStatus('mm', 'Internal')).toMatchObject({
      kind: 'unexpected',
      forwarderName: 'mm',
      failure: 'grpc_status',
      grpcCode: 'Internal',
    });
  });
});
