import { Counter, Histogram, Registry } from 'prom-client';
import { LabelledSeries } from './labelled-series';

/** Every sample of a registry's exposition, `name{labels}` as written -> value (the order of samples aside). */
async function samples(registry: Registry): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const line of (await registry.metrics()).split('\n')) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    found.set(`${match[1]}{${match[2] ?? ''}}`, match[3]);
  }
  return found;
}

describe('LabelledSeries', () => {
  const buckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
  const events: [string, string, string, number][] = [
    ['PUT', '/scheduler/:schedulerName/rooms/:roomName/ping', '200', 0.0004],
    ['PUT', '/scheduler/:schedulerName/rooms/:roomName/ping', '200', 0.001],
    ['PUT', '/scheduler/:schedulerName/rooms/:roomName/ping', '200', 0.0031],
    ['PUT', '/scheduler/:schedulerName/rooms/:roomName/ping', '403', 0.002],
    ['POST', '/scheduler/:schedulerName/rooms/allocate', '500', 0.3],
    ['GET', 'unmatched', '404', 7],
    ['GET', '/schedulers/:schedulerName', '200', 0.05],
  ];

  it("exposes the same samples as prom-client's Counter and Histogram fed the same events", async () => {
    const ours = new Registry();
    const series = new LabelledSeries(ours, {
      labelNames: ['method', 'route', 'status'],
      counter: { name: 'requests_total', help: 'requests' },
      histogram: { name: 'request_seconds', help: 'latency', buckets },
    });
    const theirs = new Registry();
    const labelNames = ['method', 'route', 'status'] as const;
    const counter = new Counter({ name: 'requests_total', help: 'requests', labelNames, registers: [theirs] });
    const histogram = new Histogram({ name: 'request_seconds', help: 'latency', labelNames, buckets, registers: [theirs] });
    for (const [method, route, status, seconds] of events) {
      series.record([method, route, status], seconds);
      counter.inc({ method, route, status });
      histogram.observe({ method, route, status }, seconds);
    }
    const [mine, reference] = [await samples(ours), await samples(theirs)];
    expect(mine.size).toBe(5 * (1 + buckets.length + 3));
    expect(mine).toEqual(reference);
    expect(await ours.metrics()).toContain('# TYPE request_seconds histogram');
    expect(await ours.metrics()).toContain('# HELP requests_total requests');
  });

  it('serves a counter alone, or a histogram alone, on labels of its own', async () => {
    const ours = new Registry();
    const pings = new LabelledSeries(ours, { labelNames: ['scheduler', 'status'], counter: { name: 'pings_total', help: 'pings' } });
    const latency = new LabelledSeries(ours, { labelNames: ['result'], histogram: { name: 'allocation_seconds', help: 'latency', buckets } });
    const theirs = new Registry();
    const counter = new Counter({ name: 'pings_total', help: 'pings', labelNames: ['scheduler', 'status'], registers: [theirs] });
    const histogram = new Histogram({ name: 'allocation_seconds', help: 'latency', labelNames: ['result'], buckets, registers: [theirs] });
    for (const [scheduler, status] of [
      ['a', 'ready'],
      ['a', 'ready'],
      ['b', 'occupied'],
    ]) {
      pings.record([scheduler, status]);
      counter.inc({ scheduler, status });
    }
    for (const [result, seconds] of [
      ['allocated', 0.002],
      ['failed', 0.04],
    ] as const) {
      latency.record([result], seconds);
      histogram.observe({ result }, seconds);
    }
    expect(await samples(ours)).toEqual(await samples(theirs));
  });

  it('forgets every series on a reset of the registry', async () => {
    const registry = new Registry();
    new LabelledSeries(registry, { labelNames: ['route'], counter: { name: 'x_total', help: 'x' } }).record(['/x']);
    registry.resetMetrics();
    expect(await samples(registry)).toEqual(new Map());
  });
});
