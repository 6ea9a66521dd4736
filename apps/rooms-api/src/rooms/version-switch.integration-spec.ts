import { type ExecutionContext, type SwitchActiveVersionInput, SchedulerLookup, SwitchActiveVersionExecutor, silentLogger, systemClock } from '@maestro/domain';
import { PostgresSchedulerStorage, RedisInstanceStorage, RedisKeys, RedisRoomStorage, RedisSchedulerCache, createDataSource } from '@maestro/storage';
import { TestApp, TestForwarderServer, aForwarder, aGameRoom, aScheduler, anInstance, anOperation, waitFor } from '@maestro/testing';
import type { DataSource } from 'typeorm';
import { RoomsApiRoot } from '../rooms-api.root';

describe('rooms API while the worker switches the active version', () => {
  let api: TestApp;
  let server: TestForwarderServer;
  let dataSource: DataSource;
  let postgres: PostgresSchedulerStorage;

  beforeAll(async () => {
    server = await TestForwarderServer.start();
    api = await TestApp.start({ component: 'rooms-api', root: (env, config) => RoomsApiRoot.forConfig(env, config) });
    dataSource = createDataSource({ url: api.db.url });
    await dataSource.initialize();
    postgres = new PostgresSchedulerStorage(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await api.stop();
    await server.stop();
  });

  async function aReadyRoom(id: string, version: string): Promise<void> {
    const keys = new RedisKeys(api.redis.keyPrefix);
    await new RedisRoomStorage(api.redis.client, keys).createRoom(
      aGameRoom({ id, schedulerId: 'switching', version, lastPingAt: new Date(), createdAt: new Date() }),
    );
    await new RedisInstanceStorage(api.redis.client, keys).upsertInstance(anInstance({ id, schedulerId: 'switching' }));
  }

  /** switch_active_version as the worker process runs it: its own lookup on the same Postgres and Redis. */
  async function switchActiveVersion(version: string): Promise<void> {
    const cache = new RedisSchedulerCache(api.redis.client, api.redis.keyPrefix);
    const worker = new SchedulerLookup(cache, postgres, api.config.schedulerCacheTtlMs);
    const context: ExecutionContext<SwitchActiveVersionInput> = {
      operation: anOperation({ schedulerName: 'switching', definitionName: 'switch_active_version', input: { newActiveVersion: version } }),
      input: { newActiveVersion: version },
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async () => undefined,
    };
    const rooms = new RedisRoomStorage(api.redis.client, new RedisKeys(api.redis.keyPrefix));
    await new SwitchActiveVersionExecutor({ schedulers: postgres, lookup: worker, rooms, clock: systemClock }).execute(context);
  }

  it('forwards a player event right after a switch that adds a forwarder, with pings arriving throughout', async () => {
    await postgres.createScheduler(aScheduler().withName('switching').withGame('the-game').withVersion('v1.0.0').build());
    await postgres.createSchedulerVersion(
      aScheduler()
        .withName('switching')
        .withGame('the-game')
        .withVersion('v1.1.0')
        .withForwarders(aForwarder({ address: server.address }))
        .build(),
    );
    await aReadyRoom('old-room', 'v1.0.0');
    await aReadyRoom('new-room', 'v1.1.0');

    let pinging = true;
    let answered = 0;
    const refused: unknown[] = [];
    const pingers = Array.from({ length: 4 }, async () => {
      while (pinging) {
        const response = await api.request('PUT', '/scheduler/switching/rooms/old-room/ping', { status: 'ready' });
        if (response.body?.success === true) answered++;
        else refused.push(response.body);
      }
    });
    try {
      await waitFor(() => answered >= 40, { timeoutMs: 10_000, description: 'pings answered by the first version' });
      expect(server.calls).toEqual([]);

      await switchActiveVersion('v1.1.0');
      const answeredAtSwitch = answered;
      const event = await api.request('POST', '/scheduler/switching/rooms/new-room/playerevent', { event: 'playerJoin', metadata: { playerId: 'p1' } });
      expect(event.body).toEqual({ success: true, message: '' });
      expect(server.calls.filter((call) => call.rpc === 'SendPlayerEvent')).toEqual([
        {
          rpc: 'SendPlayerEvent',
          request: expect.objectContaining({ playerId: 'p1', room: expect.objectContaining({ game: 'the-game', roomId: 'new-room' }) }),
        },
      ]);
      await waitFor(() => answered >= answeredAtSwitch + 40, { timeoutMs: 10_000, description: 'pings answered after the switch' });
    } finally {
      pinging = false;
      await Promise.all(pingers);
    }
    expect(refused).toEqual([]);

    // Resyncs leave from the forwarding queue after the answer: count those of the new room.
    const newRoomResyncs = () => server.calls.filter((call) => call.rpc === 'SendRoomResync' && call.request.room.roomId === 'new-room').length;
    expect(newRoomResyncs()).toBe(0);
    expect((await api.request('PUT', '/scheduler/switching/rooms/new-room/ping', { status: 'ready' })).body).toEqual({ success: true });
    await waitFor(() => newRoomResyncs() === 1, { description: 'the resync of the new room' });
    const cached = await api.redis.client.get(`${api.redis.keyPrefix}scheduler:switching`);
    expect(cached && (JSON.parse(cached) as { Spec: { Version: string } }).Spec.Version).toBe('v1.1.0');
  });
});
