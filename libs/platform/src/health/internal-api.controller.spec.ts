import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Counter, Registry } from 'prom-client';
import { createInternalApp } from '../bootstrap';
import type { InternalApiOptions } from './internal-api.module';
import type { ReadinessCheck } from './readiness-check';

const answering = (name: string): ReadinessCheck => ({ name, check: async () => undefined });
const failing = (name: string): ReadinessCheck => ({ name, check: async () => Promise.reject(new Error('connection refused')) });
const hanging = (name: string): ReadinessCheck => ({ name, check: () => new Promise<void>(() => undefined) });

describe('internal API', () => {
  const apps: NestFastifyApplication[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  async function start(checks: ReadinessCheck[], options: InternalApiOptions = {}, registry = new Registry()) {
    const app = await createInternalApp(checks, registry, options);
    await app.init();
    apps.push(app);
    const fastify = app.getHttpAdapter().getInstance();
    return (url: string) => fastify.inject({ method: 'GET', url });
  }

  it.each(['/health', '/healthz'])('answers %s 200 OK in plain text', async (url) => {
    const get = await start([failing('postgres')]);
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('OK');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('answers /readyz 200 OK when every check answers', async () => {
    const get = await start([answering('postgres'), answering('redis')]);
    const response = await get('/readyz');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('OK');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('answers /readyz 503 Service Unavailable when a check fails', async () => {
    const get = await start([answering('postgres'), failing('redis')]);
    const response = await get('/readyz');
    expect(response.statusCode).toBe(503);
    expect(response.body).toBe('Service Unavailable');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('gives up on a check that does not answer within its timeout', async () => {
    const get = await start([answering('postgres'), hanging('redis')], { readinessTimeoutMs: 50 });
    expect((await get('/readyz')).statusCode).toBe(503);
  });

  it('serves the Prometheus exposition of the registry', async () => {
    const registry = new Registry();
    new Counter({ name: 'rooms_pinged_total', help: 'pings', registers: [registry] }).inc(3);
    const get = await start([], {}, registry);
    const response = await get('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('rooms_pinged_total 3');
  });

  it('serves neither health nor metrics when they are switched off', async () => {
    const get = await start([answering('postgres')], { healthcheckEnabled: false, metricsEnabled: false });
    for (const url of ['/healthz', '/readyz', '/metrics']) expect((await get(url)).statusCode).toBe(404);
  });
});
