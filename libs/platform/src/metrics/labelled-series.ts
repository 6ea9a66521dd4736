import type { Metric, Registry } from 'prom-client';

/** A counter, a histogram, or both, over the same labels. */
export interface LabelledSeriesOptions {
  labelNames: readonly string[];
  counter?: { name: string; help: string };
  histogram?: { name: string; help: string; buckets: readonly number[] };
}

/** The events of one combination of label values. */
interface Series {
  labels: Record<string, string>;
  count: number;
  sum: number;
  /** Events per bucket, each counted in the first bucket that holds it (exported cumulative). */
  buckets: number[];
}

type Level = Map<string, Level | Series>;

/**
 * A prom-client counter and/or histogram for hot paths, recorded without prom-client's work per
 * call (a labels object, a key string built from it, a lookup of that key, per metric): an event
 * finds its series through nested maps, one level per label, and the metrics read the series when
 * scraped. Same names, help, labels, buckets and values as a prom-client Counter and Histogram fed
 * the same events (labelled-series.spec.ts).
 */
export class LabelledSeries {
  private readonly root: Level = new Map();
  private readonly buckets: readonly number[];

  constructor(
    registry: Registry,
    private readonly options: LabelledSeriesOptions,
  ) {
    this.buckets = options.histogram?.buckets ?? [];
    // prom-client's registry takes any object with a name, help, type, get() and reset().
    if (options.counter) registry.registerMetric(this.counter(options.counter) as unknown as Metric);
    if (options.histogram) registry.registerMetric(this.histogram(options.histogram) as unknown as Metric);
  }

  /** Counts one event of these label values (in the order of labelNames), observing `value` on the histogram. */
  record(values: readonly string[], value = 0): void {
    let level = this.root;
    const last = values.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(values[i]) as Level | undefined;
      if (!next) {
        next = new Map();
        level.set(values[i], next);
      }
      level = next;
    }
    let series = level.get(values[last]) as Series | undefined;
    if (!series) {
      series = { labels: this.labelsOf(values), count: 0, sum: 0, buckets: this.buckets.map(() => 0) };
      level.set(values[last], series);
    }
    series.count += 1;
    series.sum += value;
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= this.buckets[i]) {
        series.buckets[i] += 1;
        break;
      }
    }
  }

  private labelsOf(values: readonly string[]): Record<string, string> {
    if (values.length !== this.options.labelNames.length) throw new Error(`expected ${this.options.labelNames.length} label values, got ${values.length}`);
    return Object.fromEntries(this.options.labelNames.map((name, i) => [name, values[i]]));
  }

  private series(level: Level = this.root): Series[] {
    return [...level.values()].flatMap((entry) => (entry instanceof Map ? this.series(entry) : [entry]));
  }

  private counter({ name, help }: { name: string; help: string }) {
    const meta = { name, help, type: 'counter', aggregator: 'sum' } as const;
    return {
      ...meta,
      get: async () => ({ ...meta, values: this.series().map((series) => ({ labels: { ...series.labels }, value: series.count })) }),
      reset: () => this.root.clear(),
    };
  }

  private histogram({ name, help }: { name: string; help: string }) {
    const meta = { name, help, type: 'histogram', aggregator: 'sum' } as const;
    const values = (series: Series) => {
      let cumulative = 0;
      const buckets = this.buckets.map((le, i) => {
        cumulative += series.buckets[i];
        return { labels: { le, ...series.labels }, value: cumulative, metricName: `${name}_bucket` };
      });
      return [
        ...buckets,
        { labels: { le: '+Inf', ...series.labels }, value: series.count, metricName: `${name}_bucket` },
        { labels: { ...series.labels }, value: series.sum, metricName: `${name}_sum` },
        { labels: { ...series.labels }, value: series.count, metricName: `${name}_count` },
      ];
    };
    return {
      ...meta,
      get: async () => ({ ...meta, values: this.series().flatMap(values) }),
      reset: () => this.root.clear(),
    };
  }
}
