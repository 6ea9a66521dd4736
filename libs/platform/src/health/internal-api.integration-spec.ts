import type { AddressInfo } from 'node:net';
import { Module } from '@nestjs/common';
import { loadConfig } from '@maestro/config';
import Redis from 'ioredis';
import { Client } from 'pg';
import { bootstrapApp, bootstrapWorker, type BootstrapOptions, type RunningApp } from '../bootstrap';
import { createPinoLogger } from '../logging/logger';
import { PlatformModule } from '../platform.module';
import type { ReadinessCheck } from './readiness-check';

const CHECKS = Symbol('checks');
const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = 'redis://127.0.0.1:6379/0';
/** Nothing listens on port 1 of the loopback: connections are refused at once. */
const CLOSED_PORT_REDIS_URL = 'redis://127.0.0.1:1/0';

const postgresCheck = (url: string): ReadinessCheck => ({
  name: 'postgres',
  check: async () => {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => undefined);
    }
  },
});

/** A PING through a client that does not retry (the app's clients are built the same way). */
function redisCheck(url: string, clients: Redis[]): ReadinessCheck {
  const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  clients.push(client);
  return {
    name: `redis ${new URL(url).host}`,
    check: async () => {
      if (client.status === 'wait' || client.status === 'end') await client.connect();
      await client.ping();
    },
  };
}

describe('internal API readiness on real services', () => {
  const running: RunningApp[] = [];
  const clients: Redis[] = [];

  afterAll(async () => {
    await Promise.all(running.map((app) => app.close()));
    for (const client of clients) client.disconnect();
  });

  async function start(checks: ReadinessCheck[], options: Partial<BootstrapOptions> = {}, worker = false): Promise<(path: string) => Promise<Response>> {
    @Module({ providers: [{ provide: CHECKS, useValue: checks }], exports: [CHECKS] })
    class ChecksModule {}
    @Module({ imports: [PlatformModule.forApp(createPinoLogger({ service: 'test', level: 'error', format: 'json' })), ChecksModule] })
    class TestApp {}
    const base = { internalPort: 0, host: '127.0.0.1', readinessToken: CHECKS, ...options };
    const app = worker ? await bootstrapWorker(TestApp, base) : await bootstrapApp(TestApp, base);
    running.push(app);
    const { port } = app.internal.getHttpServer().address() as AddressInfo;
    return (path) => fetch(`http://127.0.0.1:${port}${path}`);
  }

  it('answers 200 OK when Postgres and Redis answer', async () => {
    const get = await start([postgresCheck(POSTGRES_URL), redisCheck(REDIS_URL, clients)], { port: 0 });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe('OK');
    expect(ready.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('answers 503 Service Unavailable when Redis is on a closed port, while staying alive', async () => {
    const get = await start([postgresCheck(POSTGRES_URL), redisCheck(CLOSED_PORT_REDIS_URL, clients)], { port: 0 });
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.text()).toBe('Service Unavailable');
    const live = await get('/healthz');
    expect(live.status).toBe(200);
    expect(await live.text()).toBe('OK');
  });

  it('answers 503 when Postgres refuses connections, and skips Postgres when configured to', async () => {
    const closedPostgres = postgresCheck('postgres://postgres@127.0.0.1:1/postgres');
    const checked = await start([closedPostgres, redisCheck(REDIS_URL, clients)], { port: 0 });
    expect((await checked('/readyz')).status).toBe(503);
    const config = loadConfig({ MAESTRO_INTERNALAPI_HEALTHCHECK_SKIPPOSTGRESCHECK: 'true', MAESTRO_INTERNALAPI_PORT: '0' }, 'worker');
    const skipping = await start([closedPostgres, redisCheck(REDIS_URL, clients)], { config, internalPort: undefined }, true);
    expect((await skipping('/readyz')).status).toBe(200);
  });

  it('serves request metrics of the public API on the internal port', async () => {
    @Module({ imports: [PlatformModule.forApp(createPinoLogger({ service: 'test', level: 'error', format: 'json' }))] })
    class EmptyApp {}
    const app = await bootstrapApp(EmptyApp, { port: 0, internalPort: 0, host: '127.0.0.1' });
    running.push(app);
    const publicPort = (app.app.getHttpServer().address() as AddressInfo).port;
    const internalPort = (app.internal.getHttpServer().address() as AddressInfo).port;
    expect((await fetch(`http://127.0.0.1:${publicPort}/nothing`)).status).toBe(404);
    const metrics = await (await fetch(`http://127.0.0.1:${internalPort}/metrics`)).text();
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    expect(metrics).toContain('process_cpu_seconds_total');
  });
});
