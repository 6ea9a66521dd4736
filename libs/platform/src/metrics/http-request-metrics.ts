import type { Metric, Registry } from 'prom-client';

/** Upper bounds of the latency histogram's buckets, in seconds. */
export const LATENCY_BUCKETS: readonly number[] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

type Labels = { method: string; route: string; status: string };

/** The requests of one method, route template and status code. */
interface Series {
  labels: Labels;
  count: number;
  sum: number;
  /** Requests per bucket, each counted in the first bucket that holds it (exported cumulative). */
  buckets: number[];
}

/**
 * `http_requests_total` (counter) and `http_request_duration_seconds` (histogram), by method, route
 * template and status, recorded without prom-client's work per call (a labels object, a key built
 * from it, a lookup of that key, twice): a request finds its series through nested maps, by its
 * route template (the same string for every request of a route), its method and its status code,
 * and both metrics read the series when scraped. Same names, help, labels, buckets and values as a
 * prom-client Counter and Histogram fed the same requests (http-request-metrics.spec.ts).
 */
export class HttpRequestMetrics {
  private readonly routes = new Map<string, Map<string, Map<number, Series>>>();

  constructor(registry: Registry) {
    // prom-client's registry takes any object with a name, help, type, get() and reset().
    registry.registerMetric(this.counter() as unknown as Metric);
    registry.registerMetric(this.histogram() as unknown as Metric);
  }

  record(method: string, route: string, status: number, seconds: number): void {
    let methods = this.routes.get(route);
    if (!methods) {
      methods = new Map();
      this.routes.set(route, methods);
    }
    let statuses = methods.get(method);
    if (!statuses) {
      statuses = new Map();
      methods.set(method, statuses);
    }
    let series = statuses.get(status);
    if (!series) {
      series = { labels: { method, route, status: String(status) }, count: 0, sum: 0, buckets: LATENCY_BUCKETS.map(() => 0) };
      statuses.set(status, series);
    }
    series.count += 1;
    series.sum += seconds;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) {
      if (seconds <= LATENCY_BUCKETS[i]) {
        series.buckets[i] += 1;
        break;
      }
    }
  }

  private series(): Series[] {
    return [...this.routes.values()].flatMap((methods) => [...methods.values()].flatMap((statuses) => [...statuses.values()]));
  }

  private counter() {
    const meta = { name: 'http_requests_total', help: 'HTTP requests served', type: 'counter', aggregator: 'sum' } as const;
    return {
      ...meta,
      get: async () => ({ ...meta, values: this.series().map((series) => ({ labels: { ...series.labels }, value: series.count })) }),
      reset: () => this.routes.clear(),
    };
  }

  private histogram() {
    const meta = { name: 'http_request_duration_seconds', help: 'HTTP request latency', type: 'histogram', aggregator: 'sum' } as const;
    const values = (series: Series) => {
      let cumulative = 0;
      const buckets = LATENCY_BUCKETS.map((le, i) => {
        cumulative += series.buckets[i];
        return { labels: { ...series.labels, le }, value: cumulative, metricName: `${meta.name}_bucket` };
      });
      return [
        ...buckets,
        { labels: { ...series.labels, le: '+Inf' }, value: series.count, metricName: `${meta.name}_bucket` },
        { labels: { ...series.labels }, value: series.sum, metricName: `${meta.name}_sum` },
        { labels: { ...series.labels }, value: series.count, metricName: `${meta.name}_count` },
      ];
    };
    return {
      ...meta,
      get: async () => ({ ...meta, values: this.series().flatMap(values) }),
      reset: () => this.routes.clear(),
    };
  }
}
