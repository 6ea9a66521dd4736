import { PostgresSchedulerStorage, RedisInstanceStorage, RedisKeys, RedisRoomStorage, createDataSource } from '@maestro/storage';
import { TestApp, TestForwarderServer, aForwarder, aGameRoom, aScheduler, anInstance, waitFor } from '@maestro/testing';
import type { DataSource } from 'typeorm';
import { RoomsApiRoot } from '../rooms-api.root';

describe('events forwarding from the rooms API to a real gRPC forwarder', () => {
  let api: TestApp;
  let server: TestForwarderServer;
  let dataSource: DataSource;

  beforeAll(async () => {
    server = await TestForwarderServer.start();
    api = await TestApp.start({ component: 'rooms-api', root: (env, config) => RoomsApiRoot.forConfig(env, config) });
    dataSource = createDataSource({ url: api.db.url });
    await dataSource.initialize();
    const schedulers = new PostgresSchedulerStorage(dataSource);
    const metadata = { roomType: 'green', forwarderMetadata1: 'value1', forwarderMetadata2: 245 };
    await schedulers.createScheduler(
      aScheduler()
        .withName('fwd')
        .withGame('the-game')
        .withForwarders(
          aForwarder({ address: server.address, options: { timeoutMs: 500, metadata } }),
          aForwarder({ name: 'off', enabled: false, address: '127.0.0.1:1' }),
        )
        .build(),
    );
    const keys = new RedisKeys(api.redis.keyPrefix);
    await new RedisRoomStorage(api.redis.client, keys).createRoom(
      aGameRoom({ id: 'fwd-1', schedulerId: 'fwd', lastPingAt: new Date(), createdAt: new Date() }),
    );
    await new RedisInstanceStorage(api.redis.client, keys).upsertInstance(
      anInstance({ id: 'fwd-1', schedulerId: 'fwd', address: { host: 'node-1', ports: [{ name: 'default', port: 40001, protocol: 'TCP' }] } }),
    );
  });

  afterAll(async () => {
    await dataSource.destroy();
    await api.stop();
    await server.stop();
  });

  beforeEach(() => {
    server.calls.length = 0;
    server.behaviour = {};
  });

  it('forwards every ping as SendRoomResync with merged metadata, roomType and ports', async () => {
    const response = await api.request('PUT', '/scheduler/fwd/rooms/fwd-1/ping', {
      status: 'ready',
      metadata: { eventMetadata1: 'value1', eventMetadata2: true },
    });
    expect(response.body).toEqual({ success: true });
    // The resync is sent from the forwarding queue, after the answer (compatibility notes).
    await waitFor(() => server.calls.length === 1);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]).toEqual({
      rpc: 'SendRoomResync',
      request: {
        statusType: 0,
        room: {
          game: 'the-game',
          roomId: 'fwd-1',
          host: 'node-1',
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

  it('forwards room events, player events and status events', async () => {
    expect((await api.request('POST', '/scheduler/fwd/rooms/fwd-1/roomevent', { event: 'matchStarted', metadata: { roomType: 'mine' } })).body).toEqual({
      success: true,
      message: '',
    });
    expect((await api.request('POST', '/scheduler/fwd/rooms/fwd-1/playerevent', { event: 'playerJoin', metadata: { playerId: 'p1' } })).body).toEqual({
      success: true,
      message: '',
    });
    expect((await api.request('PUT', '/scheduler/fwd/rooms/fwd-1/status', { status: 'occupied' })).body).toEqual({ success: true });
    const [roomEvent, playerEvent, statusEvent] = server.calls;
    expect(roomEvent.rpc).toBe('SendRoomEvent');
    expect(roomEvent.request.eventType).toBe('matchStarted');
    expect(roomEvent.request.room.metadata).toMatchObject({ roomType: 'green', eventType: 'roomEvent', roomEvent: 'matchStarted' });
    expect(playerEvent).toEqual({
      rpc: 'SendPlayerEvent',
      request: {
        playerId: 'p1',
        eventType: 0,
        room: { game: 'the-game', roomId: 'fwd-1', host: '', port: 0, metadata: {}, roomType: '' },
        metadata: { playerId: 'p1', eventType: 'playerJoin', roomType: 'green' },
      },
    });
    expect(statusEvent.rpc).toBe('SendRoomStatus');
    expect(statusEvent.request.statusType).toBe(1);
    expect(server.calls).toHaveLength(3);
  });

  it("answers Maestro's failures: invalid player events, unreachable or failing forwarders", async () => {
    expect((await api.request('POST', '/scheduler/fwd/rooms/fwd-1/playerevent', { event: 'playerJoin', metadata: {} })).body).toEqual({
      success: false,
      message: 'eventAttributes must contain key "playerId" in playerEvent events. Forwarder name: "matchmaker", Scheduler: "fwd"',
    });
    expect((await api.request('POST', '/scheduler/fwd/rooms/fwd-1/playerevent', { event: 'playerDanced', metadata: { playerId: 'p' } })).body.message).toBe(
      'invalid PlayerEventType. Should be "playerLeft" or "playerJoin"',
    );
    expect((await api.request('PUT', '/scheduler/fwd/rooms/fwd-1/status', { status: 'sleeping' })).body).toEqual({ success: false });
    server.behaviour = { delayMs: 2_000 };
    const slow = await api.request('POST', '/scheduler/fwd/rooms/fwd-1/roomevent', { event: 'x' });
    expect(slow.body).toEqual({ success: false, message: 'failed to forward event room at "matchmaker" with code DeadlineExceeded' });
    expect((await api.request('PUT', '/scheduler/fwd/rooms/fwd-1/ping', { status: 'ready' })).body).toEqual({ success: true });
  });
});
