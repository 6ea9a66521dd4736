import Fastify from 'fastify';
import { Registry } from 'prom-client';
import { instrumentHttp } from './http-metrics';

describe('instrumentHttp', () => {
  const registry = new Registry();
  const app = Fastify();
  instrumentHttp(app, registry);
  app.get('/slow/:id', async () => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { ok: true };
  });
  app.get('/fails', async () => {
    throw Object.assign(new Error('no'), { statusCode: 409 });
  });

  beforeAll(() => app.ready());
  afterAll(() => app.close());

  const sample = async (pattern: RegExp) => Number(pattern.exec(await registry.metrics())?.[1]);

  it('times a request from its arrival to its answer', async () => {
    await app.inject({ method: 'GET', url: '/slow/1' });
    expect(await sample(/http_request_duration_seconds_count\{method="GET",route="\/slow\/:id",status="200"\} (\d+)/)).toBe(1);
    const seconds = await sample(/http_request_duration_seconds_sum\{method="GET",route="\/slow\/:id",status="200"\} ([0-9.e-]+)/);
    expect(seconds).toBeGreaterThanOrEqual(0.029);
    expect(seconds).toBeLessThan(5);
    expect(await sample(/http_request_duration_seconds_bucket\{le="0.025",method="GET",route="\/slow\/:id",status="200"\} (\d+)/)).toBe(0);
  });

  it('counts errors and unmatched requests under their status', async () => {
    await app.inject({ method: 'GET', url: '/fails' });
    await app.inject({ method: 'GET', url: '/nowhere/7' });
    expect(await sample(/http_requests_total\{method="GET",route="\/fails",status="409"\} (\d+)/)).toBe(1);
    expect(await sample(/http_requests_total\{method="GET",route="unmatched",status="404"\} (\d+)/)).toBe(1);
    expect(await registry.metrics()).not.toContain('/nowhere/7');
  });

  // An onResponse hook makes Fastify attach finish and error listeners to every response.
  it('adds no onResponse hook', () => {
    expect(app.printRoutes({ includeHooks: true })).not.toContain('onResponse');
  });
});
