import { Module } from '@nestjs/common';
import { createTestRedis, type TestRedis } from '@maestro/testing';
import { Client } from 'pg';
import { bootstrapApp, type RunningApp } from '../bootstrap';
import { createPinoLogger } from '../logging/logger';
import { PlatformModule } from '../platform.module';
import type { ReadinessCheck } from './readiness-check';

const CHECKS = Symbol('checks');

async function start(checks: ReadinessCheck[]): Promise<RunningApp> {
  @Module({ providers: [{ provide: CHECKS, useValue: checks }], exports: [CHECKS] })
  class ChecksModule {}
  @Module({ imports: [PlatformModule.forApp(createPinoLogger({ service: 'test', level: 'error', format: 'json' })), ChecksModule] })
  class TestApp {}
  return bootstrapApp(TestApp, { internalPort: 0, host: '127.0.0.1', readinessToken: CHECKS });
}

describe('internal API readiness on real services', () => {
  let redis: TestRedis;
  const running: RunningApp[] = [];
  const postgres: ReadinessCheck = {
    name: 'postgres',
    check: async () => {
      const client = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
      await client.connect();
      try {
        await client.query('SELECT 1');
      } finally {
        await client.end();
      }
    },
  };

  beforeAll(async () => {
    redis = await createTestRedis();
  });

  afterAll(async () => {
    await Promise.all(running.map((app) => app.close()));
    await redis.cleanup();
  });

  const get = async (app: RunningApp, url: string) => app.internal.getHttpAdapter().getInstance().inject({ url });

  it('answers 200 OK when Postgres and Redis answer', async () => {
    const app = await start([postgres, { name: 'redis', check: async () => void (await redis.client.ping()) }]);
    running.push(app);
    const ready = await get(app, '/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.body).toBe('OK');
    expect((await get(app, '/healthz')).headers['content-type']).toContain('text/plain');
  });

  it('answers 503 when a dependency does not answer', async () => {
    const unreachable: ReadinessCheck = {
      name: 'redis on a closed port',
      check: async () => {
        const Redis = (await import('ioredis')).default;
        const client = new Redis('redis://127.0.0.1:1', { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
        try {
          await client.connect();
        } finally {
          client.disconnect();
        }
      },
    };
    const app = await start([postgres, unreachable]);
    running.push(app);
    const ready = await get(app, '/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.body).toBe('Service Unavailable');
    expect((await get(app, '/healthz')).body).toBe('OK');
  });
});
