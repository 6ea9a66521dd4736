import { status } from '@grpc/grpc-js';
import {
  EventsForwarderService,
  type Forwarder,
  type GameRoom,
  type Instance,
  type InstanceStorage,
  NotFoundError,
  type RoomStorage,
  silentLogger,
  systemClock,
} from '@maestro/domain';
import { aForwarder, aGameRoom, anInstance, aScheduler } from '@maestro/testing';
import { GrpcEventsForwarder } from './grpc-events.forwarder';
import { ForwarderTestServer } from './testing/forwarder-test-server';

const ROOM = 'my-sched-x7k2p';
const forwarderMetadata = { roomType: 'green', forwarderMetadata1: 'value1', forwarderMetadata2: 245 };
const PORTS = '[{"name":"default","port":40001,"protocol":"TCP"}]';

describe('events forwarding from the domain service to a real gRPC forwarder', () => {
  let server: ForwarderTestServer;
  let grpc: GrpcEventsForwarder;
  let stored: { room?: GameRoom; instance?: Instance };

  const serviceWith = (...forwarders: Forwarder[]) => {
    const scheduler = aScheduler()
      .withName('my-sched')
      .withGame('my-game')
      .withForwarders(...forwarders)
      .build();
    const rooms = {
      findRoom: async () => stored.room,
      getRoom: async () => stored.room ?? Promise.reject(new NotFoundError('room not found')),
    } as unknown as RoomStorage;
    const instances = {
      findInstance: async () => stored.instance,
      getInstance: async () => stored.instance ?? Promise.reject(new NotFoundError('instance not found')),
    } as unknown as InstanceStorage;
    return new EventsForwarderService({
      forwarder: grpc,
      schedulers: { get: async () => scheduler },
      rooms,
      instances,
      logger: silentLogger,
      clock: systemClock,
    });
  };
  const matchmaker = (overrides: Partial<Forwarder> = {}) =>
    aForwarder({ address: server.address, options: { timeoutMs: 500, metadata: forwarderMetadata }, ...overrides });

  beforeAll(async () => {
    server = await ForwarderTestServer.start();
    grpc = new GrpcEventsForwarder({ keepAliveTimeMs: 30_000, keepAliveTimeoutMs: 5_000 });
  });

  afterAll(async () => {
    grpc.close();
    await server.stop();
  });

  beforeEach(() => {
    server.calls.length = 0;
    server.answer = { code: 200 };
    stored = {
      room: aGameRoom({ id: ROOM, schedulerId: 'my-sched', status: 'ready' }),
      instance: anInstance({
        id: ROOM,
        schedulerId: 'my-sched',
        address: { host: 'node-1.example.com', ports: [{ name: 'default', port: 40001, protocol: 'TCP' }] },
      }),
    };
  });

  it('sends a ping as SendRoomResync with the merged metadata, roomType, host and port', async () => {
    const service = serviceWith(matchmaker());
    const scheduler = aScheduler().withName('my-sched').withGame('my-game').withForwarders(matchmaker()).build();
    await service.forwardPing(
      scheduler,
      { room: stored.room as GameRoom, instance: stored.instance as Instance },
      { pingStatus: 'ready', metadata: { eventMetadata1: 'value1', eventMetadata2: true } },
    );
    expect(server.calls.map(({ rpc, request }) => ({ rpc, request }))).toEqual([
      {
        rpc: 'SendRoomResync',
        request: {
          statusType: 0,
          room: {
            game: 'my-game',
            roomId: ROOM,
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
              ports: PORTS,
            },
          },
        },
      },
    ]);
  });

  it('sends a room termination as SendRoomStatus terminated, with host "" and port 0 once the pod is gone', async () => {
    const service = serviceWith(matchmaker());
    await service.forwardStatusTerminated('my-sched', ROOM);
    stored = {};
    await service.forwardStatusTerminated('my-sched', ROOM);
    const metadata = {
      roomType: 'green',
      forwarderMetadata1: 'value1',
      forwarderMetadata2: '245',
      eventType: 'status',
      pingType: 'terminated',
      roomEvent: 'terminated',
    };
    expect(server.calls.map(({ rpc, request }) => ({ rpc, request }))).toEqual([
      {
        rpc: 'SendRoomStatus',
        request: {
          statusType: 3,
          room: { game: 'my-game', roomId: ROOM, host: 'node-1.example.com', port: 40001, roomType: 'green', metadata: { ...metadata, ports: PORTS } },
        },
      },
      {
        rpc: 'SendRoomStatus',
        request: {
          statusType: 3,
          room: {
            game: 'my-game',
            roomId: ROOM,
            host: '',
            port: 0,
            roomType: 'green',
            metadata: { ...metadata, ports: '[{"name":"","port":0,"protocol":""}]' },
          },
        },
      },
    ]);
  });

  it('sends a room event as SendRoomEvent, forwarder metadata over the event metadata, no roomType', async () => {
    await expect(serviceWith(matchmaker()).roomEvent('my-sched', ROOM, 'matchStarted', { roomType: 'mine', score: 1234567 })).resolves.toEqual({
      success: true,
      message: '',
    });
    expect(server.calls.map(({ rpc, request }) => ({ rpc, request }))).toEqual([
      {
        rpc: 'SendRoomEvent',
        request: {
          eventType: 'matchStarted',
          metadata: {},
          room: {
            game: 'my-game',
            roomId: ROOM,
            host: 'node-1.example.com',
            port: 40001,
            roomType: '',
            metadata: {
              roomType: 'green',
              forwarderMetadata1: 'value1',
              forwarderMetadata2: '245',
              score: '1.234567e+06',
              eventType: 'roomEvent',
              roomEvent: 'matchStarted',
              ports: PORTS,
            },
          },
        },
      },
    ]);
  });

  it('sends a player event as SendPlayerEvent with only game and room id in the room', async () => {
    await expect(serviceWith(matchmaker()).playerEvent('my-sched', ROOM, 'playerLeft', { playerId: 'p1', team: 'red' })).resolves.toEqual({
      success: true,
      message: '',
    });
    expect(server.calls.map(({ rpc, request }) => ({ rpc, request }))).toEqual([
      {
        rpc: 'SendPlayerEvent',
        request: {
          playerId: 'p1',
          eventType: 1,
          room: { game: 'my-game', roomId: ROOM, host: '', port: 0, metadata: {}, roomType: '' },
          metadata: { playerId: 'p1', team: 'red', eventType: 'playerLeft', roomType: 'green' },
        },
      },
    ]);
  });

  it('skips disabled forwarders and stops at the first failing one', async () => {
    const service = serviceWith(
      matchmaker({ name: 'off', enabled: false, address: '127.0.0.1:1' }),
      matchmaker({ name: 'first' }),
      matchmaker({ name: 'unreachable', address: '127.0.0.1:1' }),
      matchmaker({ name: 'never' }),
    );
    await expect(service.roomEvent('my-sched', ROOM, 'm')).resolves.toEqual({
      success: false,
      message: 'failed to forward event room at "unreachable" with code Unavailable',
    });
    expect(server.calls).toHaveLength(1);
  });

  it('answers the deprecated status route with success false on a gRPC error status and on a timeout', async () => {
    const service = serviceWith(matchmaker({ options: { timeoutMs: 150, metadata: {} } }));
    server.answer = { status: status.UNAVAILABLE };
    await expect(service.statusEvent('my-sched', ROOM, 'occupied')).resolves.toBe(false);
    server.answer = { hang: true };
    const started = Date.now();
    await expect(service.roomEvent('my-sched', ROOM, 'm')).resolves.toEqual({
      success: false,
      message: 'failed to forward event room at "matchmaker" with code DeadlineExceeded',
    });
    expect(Date.now() - started).toBeLessThan(1_500);
    server.answer = { code: 500 };
    await expect(service.statusEvent('my-sched', ROOM, 'occupied')).resolves.toBe(true);
  });
});
