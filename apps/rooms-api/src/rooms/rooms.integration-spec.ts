import { PostgresSchedulerStorage, RedisInstanceStorage, RedisKeys, RedisRoomStorage, RedisSchedulerCache, createDataSource } from '@maestro/storage';
import { TestApp, aGameRoom, aScheduler, anInstance } from '@maestro/testing';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { RoomsApiRoot } from '../rooms-api.root';

describe('rooms API', () => {
  let api: TestApp;
  let second: TestApp;
  let dataSource: DataSource;
  let rooms: RedisRoomStorage;
  let instances: RedisInstanceStorage;
  const start = (sharing?: TestApp) => TestApp.start({ component: 'rooms-api', root: (env, config) => RoomsApiRoot.forConfig(env, config), sharing });
  const ping = (room: string, body: unknown, scheduler = 'game') => api.request('PUT', `/scheduler/${scheduler}/rooms/${room}/ping`, body);
  const status = async (room: string) => (await rooms.getRoom('game', room)).status;

  beforeAll(async () => {
    api = await start();
    second = await start(api);
    dataSource = createDataSource({ url: api.db.url });
    await dataSource.initialize();
    await new PostgresSchedulerStorage(dataSource).createScheduler(aScheduler().withName('game').build());
    await new PostgresSchedulerStorage(dataSource).createScheduler(
      aScheduler()
        .withName('multi')
        .with({ matchAllocation: { maxMatches: 3 } })
        .build(),
    );
    const keys = new RedisKeys(api.redis.keyPrefix);
    rooms = new RedisRoomStorage(api.redis.client, keys);
    instances = new RedisInstanceStorage(api.redis.client, keys);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await second.stop();
    await api.stop();
  });

  async function aRoom(id: string, instanceStatus: 'pending' | 'ready' | 'terminating' | 'error' = 'ready', scheduler = 'game') {
    await rooms.createRoom(aGameRoom({ id, schedulerId: scheduler, lastPingAt: new Date(), createdAt: new Date() }));
    await instances.upsertInstance(anInstance({ id, schedulerId: scheduler, status: { type: instanceStatus, description: '' } }));
  }

  it('moves a room pending -> ready -> occupied -> ready by pings', async () => {
    await aRoom('r1');
    expect(await status('r1')).toBe('pending');
    expect((await ping('r1', { status: 'ready', timestamp: '12312312313' })).body).toEqual({ success: true });
    expect(await status('r1')).toBe('ready');
    expect((await ping('r1', { status: 'occupied', timestamp: 1 })).body).toEqual({ success: true });
    expect(await status('r1')).toBe('occupied');
    expect((await rooms.getRoom('game', 'r1')).runningMatches).toBe(1);
    expect((await ping('r1', { status: 'ready', running_matches: 0 })).body).toEqual({ success: true });
    expect(await status('r1')).toBe('ready');
  });

  it('serves pings from the scheduler cache without Postgres, and sees a new version from the first ping after the invalidation', async () => {
    const postgres = new PostgresSchedulerStorage(dataSource);
    await postgres.createScheduler(aScheduler().withName('cached').build());
    await aRoom('c1', 'ready', 'cached');
    expect((await ping('c1', { status: 'ready' }, 'cached')).body).toEqual({ success: true });
    // Gone from Postgres: the cached scheduler still answers the pings.
    await postgres.deleteScheduler('cached');
    expect((await ping('c1', { status: 'occupied', runningMatches: 2 }, 'cached')).body).toEqual({ success: true });
    expect((await rooms.getRoom('cached', 'c1')).status).toBe('occupied');
    // A new active version (3 matches per room), then the invalidation every version change performs.
    await postgres.createScheduler(
      aScheduler()
        .withName('cached')
        .with({ matchAllocation: { maxMatches: 3 } })
        .build(),
    );
    await new RedisSchedulerCache(api.redis.client, api.redis.keyPrefix).invalidate('cached');
    // The rooms API's in-process copy does not outlive the invalidation: the very next ping applies it.
    expect((await ping('c1', { status: 'occupied', runningMatches: 2 }, 'cached')).body).toEqual({ success: true });
    expect((await rooms.getRoom('cached', 'c1')).status).toBe('active');
  });

  it('refuses forbidden transitions: ready -> terminated, anything after terminated', async () => {
    await aRoom('r2');
    await ping('r2', { status: 'ready' });
    expect((await ping('r2', { status: 'terminated' })).body).toEqual({ success: false });
    expect(await status('r2')).toBe('ready');
    expect((await ping('r2', { status: 'terminating' })).body).toEqual({ success: true });
    expect((await ping('r2', { status: 'terminated' })).body).toEqual({ success: true });
    expect(await status('r2')).toBe('terminated');
    expect((await ping('r2', { status: 'ready' })).body).toEqual({ success: false });
  });

  it('keeps a room whose pod is in error from becoming occupied', async () => {
    await aRoom('r3', 'error');
    await ping('r3', { status: 'ready' });
    expect(await status('r3')).toBe('error');
    expect((await ping('r3', { status: 'occupied' })).body).toEqual({ success: true });
    expect(await status('r3')).toBe('error');
  });

  it('uses running matches for multi-match schedulers', async () => {
    await aRoom('m1', 'ready', 'multi');
    // pending -> active is not an allowed transition: the room is ready first.
    expect((await ping('m1', { status: 'ready', runningMatches: 2 }, 'multi')).body).toEqual({ success: false });
    await ping('m1', { status: 'ready', runningMatches: 0 }, 'multi');
    expect((await rooms.getRoom('multi', 'm1')).status).toBe('ready');
    await ping('m1', { status: 'ready', runningMatches: 2 }, 'multi');
    expect((await rooms.getRoom('multi', 'm1')).status).toBe('active');
    await ping('m1', { status: 'occupied', runningMatches: 3 }, 'multi');
    expect((await rooms.getRoom('multi', 'm1')).status).toBe('occupied');
  });

  it('answers success false for unknown schedulers and rooms, 400 for unknown statuses', async () => {
    expect((await ping('ghost', { status: 'ready' })).body).toEqual({ success: false });
    expect((await ping('r1', { status: 'ready' }, 'nobody')).body).toEqual({ success: false });
    const odd = await ping('r1', { status: { toString: false } });
    expect(odd.status).toBe(400);
    expect(odd.body.message).toBe('cannot convert string {"toString":false} to a valid GameRoomStatus representation');
    for (const bad of ['unknown', '', 'READY']) {
      const response = await ping('r1', { status: bad });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ code: 3, message: `cannot convert string ${bad} to a valid GameRoomStatus representation`, details: [] });
    }
  });

  it('answers address, status, room and player events without forwarders', async () => {
    await aRoom('r4');
    expect((await api.request('GET', '/scheduler/game/rooms/r4/address')).body).toEqual({
      ports: [{ name: 'gameport', port: 40001, protocol: 'UDP' }],
      host: '10.0.0.1',
      ipv6Label: '',
    });
    const missing = await api.request('GET', '/scheduler/game/rooms/none/address');
    expect(missing).toEqual({ status: 500, body: { code: 2, message: 'error getting instance: instance none not found in scheduler game', details: [] } });
    expect((await api.request('PUT', '/scheduler/game/rooms/r4/status', { status: 'ready' })).body).toEqual({ success: true });
    expect((await api.request('PUT', '/scheduler/nobody/rooms/r4/status', { status: 'ready' })).body).toEqual({ success: false });
    // Maestro validates the status inside the per-forwarder loop: with no forwarder, nothing fails.
    expect((await api.request('PUT', '/scheduler/game/rooms/r4/status', { status: 'sleeping' })).body).toEqual({ success: true });
    expect((await api.request('POST', '/scheduler/game/rooms/r4/roomevent', { event: 'x' })).body).toEqual({ success: true, message: '' });
    expect((await api.request('POST', '/scheduler/game/rooms/r4/playerevent', { event: 'playerJoin', metadata: { playerId: 'p' } })).body).toEqual({
      success: true,
      message: '',
    });
    expect((await api.request('POST', '/scheduler/nobody/rooms/r4/roomevent', { event: 'x' })).body.success).toBe(false);
  });

  it('allocates each of 200 ready rooms at most once to 16 concurrent callers over 2 instances', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `alloc-${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      await rooms.createRoom(aGameRoom({ id, schedulerId: 'pool', status: 'ready', lastPingAt: new Date(), createdAt: new Date() }));
      await instances.upsertInstance(anInstance({ id, schedulerId: 'pool' }));
    }
    const results = await Promise.all(
      Array.from({ length: 16 }, async (_, caller) => {
        const got: string[] = [];
        for (;;) {
          const response = await (caller % 2 === 0 ? api : second).request('POST', '/scheduler/pool/rooms/allocate', {});
          if (response.status !== 200) {
            expect(response.body).toEqual({ code: 2, message: 'no ready rooms available for scheduler pool', details: [] });
            return got;
          }
          expect(response.body).toMatchObject({ success: true, message: '', host: '10.0.0.1', ports: [expect.objectContaining({ port: 40001 })] });
          got.push(response.body.roomId);
        }
      }),
    );
    const allocated = results.flat();
    expect(allocated).toHaveLength(200);
    expect(new Set(allocated).size).toBe(200);
    expect(await rooms.getRoomCountByStatus('pool', 'allocated')).toBe(200);
  });

  it('counts pings by status and allocations by result, with their latency, at /metrics', async () => {
    await aRoom('metered');
    await ping('metered', { status: 'ready' });
    await ping('metered', { status: 'ready' });
    await ping('metered', { status: 'occupied' });
    await rooms.createRoom(aGameRoom({ id: 'taken', schedulerId: 'metered', status: 'ready', lastPingAt: new Date(), createdAt: new Date() }));
    await instances.upsertInstance(anInstance({ id: 'taken', schedulerId: 'metered' }));
    expect((await api.request('POST', '/scheduler/metered/rooms/allocate', {})).status).toBe(200);
    expect((await api.request('POST', '/scheduler/metered/rooms/allocate', {})).status).toBe(500);
    const metrics = String((await api.internal('/metrics')).body);
    const sample = (series: string) =>
      Number(
        metrics
          .split('\n')
          .find((line) => line.startsWith(`${series} `))
          ?.split(' ')[1] ?? NaN,
      );
    // Other tests of this file ping the scheduler "game" too: its counts are at least this test's.
    expect(sample('maestro_room_pings_total{scheduler="game",status="ready"}')).toBeGreaterThanOrEqual(2);
    expect(sample('maestro_room_pings_total{scheduler="game",status="occupied"}')).toBeGreaterThanOrEqual(1);
    expect(sample('maestro_room_allocations_total{scheduler="metered",result="allocated"}')).toBe(1);
    expect(sample('maestro_room_allocations_total{scheduler="metered",result="failed"}')).toBe(1);
    expect(sample('maestro_room_allocation_duration_seconds_count{result="allocated"}')).toBeGreaterThanOrEqual(1);
    expect(sample('maestro_room_allocation_duration_seconds_bucket{le="+Inf",result="failed"}')).toBeGreaterThanOrEqual(1);
    expect(sample('http_requests_total{method="PUT",route="/scheduler/:schedulerName/rooms/:roomName/ping",status="200"}')).toBeGreaterThanOrEqual(3);
  });

  it('never answers 5xx to malformed ping bodies (property-based, 1000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), fc.record({ status: fc.jsonValue(), runningMatches: fc.jsonValue(), metadata: fc.jsonValue() })),
        async (body) => {
          const response = await ping('r1', JSON.stringify(body));
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never answers 5xx to malformed bodies of the other routes (property-based, 1000 cases)', async () => {
    await aRoom('r-bodies');
    const routes = [
      ['PUT', '/scheduler/game/rooms/r-bodies/status'],
      ['POST', '/scheduler/game/rooms/r-bodies/roomevent'],
      ['POST', '/scheduler/game/rooms/r-bodies/playerevent'],
      ['POST', '/scheduler/nobody/rooms/allocate'],
    ] as const;
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ event: fc.jsonValue(), status: fc.jsonValue(), timestamp: fc.jsonValue(), metadata: fc.jsonValue() }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async ([method, url], payload) => {
        const response = await api.request(method, url, JSON.stringify(payload));
        // allocate on an unknown scheduler is Maestro's 500 "no ready rooms": the one 5xx of the contract.
        if (url.endsWith('/allocate')) expect(response.body.message).toMatch(/^no ready rooms available|^invalid JSON body/);
        else expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 1000 },
    );
  });

  it('names the bad field of a malformed body on every body route', async () => {
    const cases = [
      ['PUT', '/scheduler/game/rooms/r1/status', { runningMatches: 'many' }, 'runningMatches'],
      ['POST', '/scheduler/game/rooms/r1/roomevent', { event: 5 }, 'event'],
      ['POST', '/scheduler/game/rooms/r1/playerevent', { metadata: 'player-1' }, 'metadata'],
      ['PUT', '/scheduler/game/rooms/r1/ping', { status: 'ready', timestamp: 'yesterday' }, 'timestamp'],
    ] as const;
    for (const [method, url, payload, field] of cases) {
      const response = await api.request(method, url, payload);
      expect({ url, status: response.status, code: response.body.code }).toEqual({ url, status: 400, code: 3 });
      expect(response.body.message).toContain(field);
    }
  });
});
