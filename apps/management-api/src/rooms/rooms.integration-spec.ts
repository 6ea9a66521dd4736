import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RedisInstanceStorage, RedisKeys, RedisRoomSamples, RedisRoomStorage } from '@maestro/storage';
import { aGameRoom, anInstance, TestApp } from '@maestro/testing';
import { serveDashboard } from '../dashboard';
import { ManagementApiRoot } from '../management-api.root';
import { setUpSwagger } from '../swagger';
import { aSchedulerBody } from '../testing/management-api.harness';

describe('rooms routes and the dashboard files', () => {
  let api: TestApp;
  const dashboardDir = mkdtempSync(path.join(tmpdir(), 'dashboard-'));

  beforeAll(async () => {
    writeFileSync(path.join(dashboardDir, 'index.html'), '<!doctype html><title>Maestro</title>');
    api = await TestApp.start({
      component: 'management-api',
      root: (env, config) => ManagementApiRoot.forConfig(env, config),
      configure: (app) => {
        setUpSwagger(app);
        serveDashboard(app, { authentication: true }, dashboardDir);
      },
    });
    await api.request('POST', '/schedulers', aSchedulerBody('watched'));
  });

  afterAll(async () => {
    await api.stop();
    rmSync(dashboardDir, { recursive: true, force: true });
  });

  it('lists the rooms with status, version, last ping, address and running matches', async () => {
    const keys = new RedisKeys(api.redis.keyPrefix);
    const lastPingAt = new Date('2026-01-02T10:00:00Z');
    await new RedisRoomStorage(api.redis.client, keys).createRoom(
      aGameRoom({ id: 'watched-a', schedulerId: 'watched', status: 'occupied', version: 'v1.0.0', runningMatches: 2, lastPingAt }),
    );
    const address = { host: '10.0.0.7', ports: [{ name: 'gameport', port: 40001, protocol: 'UDP' }] };
    await new RedisInstanceStorage(api.redis.client, keys).upsertInstance(anInstance({ id: 'watched-a', schedulerId: 'watched', address }));

    const listed = await api.request('GET', '/schedulers/watched/rooms');

    expect(listed.status).toBe(200);
    expect(listed.body.rooms).toEqual([
      expect.objectContaining({
        id: 'watched-a',
        status: 'occupied',
        pingStatus: 'unknown',
        version: 'v1.0.0',
        runningMatches: 2,
        lastPingAt: '2026-01-02T10:00:00Z',
        host: '10.0.0.7',
        ports: address.ports,
      }),
    ]);
  });

  it('answers the samples of the last hour by default', async () => {
    const samples = new RedisRoomSamples(api.redis.client, api.redis.keyPrefix);
    const at = (minutesAgo: number) => new Date(Math.floor(Date.now() / 1000) * 1000 - minutesAgo * 60_000);
    await samples.record('watched', { at: at(90), ready: 9, occupied: 0, pending: 0, terminating: 0, error: 0 });
    await samples.record('watched', { at: at(5), ready: 3, occupied: 1, pending: 2, terminating: 0, error: 1 });

    const history = await api.request('GET', '/schedulers/watched/rooms/history');
    expect(history.status).toBe(200);
    expect(history.body).toEqual({ samples: [{ at: at(5).toISOString().replace('.000Z', 'Z'), ready: 3, occupied: 1, pending: 2, terminating: 0, error: 1 }] });
    expect((await api.request('GET', '/schedulers/watched/rooms/history?since=2h')).body.samples).toHaveLength(2);
  });

  it('refuses a bad period and an unknown scheduler', async () => {
    const bad = await api.request('GET', '/schedulers/watched/rooms/history?since=1d');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('since');
    expect((await api.request('GET', '/schedulers/nope/rooms')).status).toBe(404);
    expect((await api.request('GET', '/schedulers/nope/rooms/history')).status).toBe(404);
  });

  it('serves the dashboard at /ui/ without a token', async () => {
    const page = await api.request('GET', '/ui/', undefined, { token: null });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Maestro</title>');
    expect((await api.request('GET', '/ui')).status).toBe(301);
  });

  it('tells the page, without a token, whether it must sign in', async () => {
    expect(await api.request('GET', '/ui/config.json', undefined, { token: null })).toMatchObject({ status: 200, body: { authentication: true } });
  });
});
