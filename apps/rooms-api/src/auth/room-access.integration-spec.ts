import { loadConfig } from '@maestro/config';
import { type Role, TokenService, systemClock } from '@maestro/domain';
import {
  PostgresSchedulerStorage,
  PostgresTokenStorage,
  RedisInstanceStorage,
  RedisKeys,
  RedisRoomStorage,
  RedisTokenRevocations,
  createDataSource,
} from '@maestro/storage';
import { TestApp, aGameRoom, aScheduler, anInstance, routesOf, testRoomToken } from '@maestro/testing';
import type { DataSource } from 'typeorm';
import { RoomsApiRoot } from '../rooms-api.root';
import { setUpSwagger } from '../swagger';
import { ROOMS_ROUTE_ACCESS } from './route-access';

const ROOM_ROUTES = [
  ['PUT', 'ping', { status: 'ready', timestamp: 1 }],
  ['PUT', 'status', { status: 'ready', timestamp: 1 }],
  ['POST', 'roomevent', { event: 'ping', timestamp: 1 }],
  ['POST', 'playerevent', { event: 'playerJoin', timestamp: 1 }],
  ['GET', 'address', undefined],
] as const;

describe('rooms API authentication', () => {
  let api: TestApp;
  let dataSource: DataSource;
  const secrets = new Map<string, string>();
  const start = (env: Record<string, string> = {}) =>
    TestApp.start({ component: 'rooms-api', root: (e, config) => RoomsApiRoot.forConfig(e, config), configure: setUpSwagger, env });

  beforeAll(async () => {
    api = await start();
    dataSource = createDataSource({ url: api.db.url });
    await dataSource.initialize();
    const schedulers = new PostgresSchedulerStorage(dataSource);
    await schedulers.createScheduler(aScheduler().withName('sched-a').with({ game: 'game-a' }).build());
    await schedulers.createScheduler(aScheduler().withName('sched-b').with({ game: 'game-b' }).build());
    const keys = new RedisKeys(api.redis.keyPrefix);
    const rooms = new RedisRoomStorage(api.redis.client, keys);
    const instances = new RedisInstanceStorage(api.redis.client, keys);
    for (const [scheduler, id] of [
      ['sched-a', 'room-1'],
      ['sched-a', 'room-2'],
      ['sched-b', 'room-1'],
    ]) {
      await rooms.createRoom(aGameRoom({ id, schedulerId: scheduler, status: 'ready', lastPingAt: new Date(), createdAt: new Date() }));
      await instances.upsertInstance(anInstance({ id, schedulerId: scheduler, status: { type: 'ready', description: '' } }));
    }
    const tokens = new TokenService({
      storage: new PostgresTokenStorage(dataSource),
      revocations: new RedisTokenRevocations(api.redis.client, keys),
      clock: systemClock,
    });
    const grant = async (name: string, role: Role, games: string[]) => secrets.set(name, (await tokens.createToken({ name, role, games })).secret);
    await grant('matchmaker-a', 'matchmaker', ['game-a']);
    await grant('matchmaker-b', 'matchmaker', ['game-b']);
    await grant('viewer-all', 'viewer', ['*']);
    await grant('operator-all', 'operator', ['*']);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await api.stop();
  });

  it('has a rule for every route the API serves', async () => {
    const document = (await api.request('GET', '/docs-json', undefined, { token: null })).body;
    // `{param}` of the document as `:param` of the route templates.
    const served = routesOf(document).map((route) => route.replace(/\{([^}]+)\}/g, ':$1'));
    expect(served.sort()).toEqual(Object.keys(ROOMS_ROUTE_ACCESS).sort());
  });

  it.each(ROOM_ROUTES)("%s %s answers the room's own token, 401 without a token, 403 with another room's", async (method, route, body) => {
    const url = `/scheduler/sched-a/rooms/room-1/${route}`;
    const own = await api.request(method, url, body, { token: testRoomToken('sched-a', 'room-1') });
    expect([401, 403]).not.toContain(own.status);
    expect(await api.request(method, url, body, { token: null })).toMatchObject({ status: 401, body: { code: 16, details: [] } });
    for (const other of [testRoomToken('sched-a', 'room-2'), testRoomToken('sched-b', 'room-1'), 'forged']) {
      expect(await api.request(method, url, body, { token: other })).toMatchObject({ status: 403, body: { code: 7, details: [] } });
    }
  });

  it('answers address to a management token allowed in the game, never to one of another game or role', async () => {
    const url = '/scheduler/sched-a/rooms/room-1/address';
    expect((await api.request('GET', url, undefined, { token: secrets.get('matchmaker-a') })).status).toBe(200);
    expect((await api.request('GET', url, undefined, { token: secrets.get('operator-all') })).status).toBe(200);
    expect((await api.request('GET', url, undefined, { token: secrets.get('matchmaker-b') })).status).toBe(403);
    expect((await api.request('GET', url, undefined, { token: secrets.get('viewer-all') })).status).toBe(403);
  });

  it("allocates for a matchmaker, operator or admin of the scheduler's game only", async () => {
    const allocate = (token: string | null | undefined, scheduler = 'sched-a') => api.request('POST', `/scheduler/${scheduler}/rooms/allocate`, {}, { token });
    expect(await allocate(null)).toMatchObject({ status: 401, body: { code: 16 } });
    expect(await allocate(testRoomToken('sched-a', 'room-1'))).toMatchObject({ status: 401, body: { code: 16 } });
    expect(await allocate(secrets.get('matchmaker-b'))).toMatchObject({ status: 403, body: { code: 7 } });
    expect(await allocate(secrets.get('viewer-all'))).toMatchObject({ status: 403, body: { code: 7 } });
    expect(await allocate(secrets.get('matchmaker-a'), 'unknown-scheduler')).toMatchObject({ status: 403 });
    const allocated = await allocate(secrets.get('matchmaker-a'));
    expect(allocated.status).toBe(200);
    expect(allocated.body).toMatchObject({ success: true });
    expect((await allocate(secrets.get('operator-all'))).body).toMatchObject({ success: true });
    expect((await allocate(undefined, 'sched-b')).body).toMatchObject({ success: true, roomId: 'room-1' });
  });
});

describe('rooms API with authentication off', () => {
  let api: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await TestApp.start({
      component: 'rooms-api',
      root: (env, config) => RoomsApiRoot.forConfig(env, config),
      env: { MAESTRO_ROOMSAPI_AUTH_ENABLED: 'false', MAESTRO_ROOMSAPI_AUTH_SECRET: '' },
    });
    dataSource = createDataSource({ url: api.db.url });
    await dataSource.initialize();
    await new PostgresSchedulerStorage(dataSource).createScheduler(aScheduler().withName('open').build());
  });

  afterAll(async () => {
    await dataSource.destroy();
    await api.stop();
  });

  it("answers every route without a token, as Maestro's rooms API", async () => {
    expect((await api.request('PUT', '/scheduler/open/rooms/r/ping', { status: 'ready' }, { token: null })).status).toBe(200);
    expect((await api.request('POST', '/scheduler/open/rooms/allocate', {}, { token: null })).status).not.toBe(401);
  });
});

describe('rooms API start-up', () => {
  it('refuses to start with authentication on and no secret', () => {
    expect(() => RoomsApiRoot.forConfig({}, loadConfig({}, 'rooms-api'))).toThrow(
      'MAESTRO_ROOMSAPI_AUTH_SECRET: must be set while MAESTRO_ROOMSAPI_AUTH_ENABLED is true',
    );
  });
});
