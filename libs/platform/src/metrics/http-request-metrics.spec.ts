import { Counter, Histogram, Registry } from 'prom-client';
import { HttpRequestMetrics, LATENCY_BUCKETS } from './http-request-metrics';

/** Every sample of a registry's exposition: `name{sorted labels}` -> value. */
async function samples(registry: Registry): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const line of (await registry.metrics()).split('\n')) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = (match[2] ?? '')
      .split(/,(?=\w+=")/)
      .filter(Boolean)
      .sort()
      .join(',');
    found.set(`${match[1]}{${labels}}`, match[3]);
  }
  return found;
}

describe('HttpRequestMetrics', () => {
  const requests: [string, string, number, number][] = [
    ['PUT', '/scheduler/:schedulerName/rooms/:roomName/ping', 200, 0.0004],
    ['PUT', '/scheduler/:schedulerName/rooms/:roomName/ping', 200, 0.001],
    ['PUT', '/scheduler/:schedulerName/rooms/:roomName/ping', 200, 0.0031],
    ['PUT', '/scheduler/:schedulerName/rooms/:roomName/ping', 403, 0.002],
    ['POST', '/scheduler/:schedulerName/rooms/allocate', 500, 0.3],
    ['GET', 'unmatched', 404, 7],
    ['GET', '/schedulers/:schedulerName', 200, 0.05],
  ];

  it("exposes the same samples as prom-client's Counter and Histogram fed the same requests", async () => {
    const ours = new Registry();
    const metrics = new HttpRequestMetrics(ours);
    const theirs = new Registry();
    const labelNames = ['method', 'route', 'status'] as const;
    const counter = new Counter({ name: 'http_requests_total', help: 'HTTP requests served', labelNames, registers: [theirs] });
    const histogram = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames,
      buckets: [...LATENCY_BUCKETS],
      registers: [theirs],
    });
    for (const [method, route, status, seconds] of requests) {
      metrics.record(method, route, status, seconds);
      counter.inc({ method, route, status: String(status) });
      histogram.observe({ method, route, status: String(status) }, seconds);
    }
    const [mine, reference] = [await samples(ours), await samples(theirs)];
    expect(mine.size).toBe(5 * (1 + LATENCY_BUCKETS.length + 3));
    expect(mine).toEqual(reference);
    expect(await ours.metrics()).toContain('# TYPE http_request_duration_seconds histogram');
    expect(await ours.metrics()).toContain('# HELP http_requests_total HTTP requests served');
  });

  it('forgets every series on a reset of the registry', async () => {
    const registry = new Registry();
    new HttpRequestMetrics(registry).record('GET', '/x', 200, 0.01);
    registry.resetMetrics();
    expect(await samples(registry)).toEqual(new Map());
  });
});
