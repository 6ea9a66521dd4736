import { Counter, Histogram, type Registry } from 'prom-client';

type Labels = 'game' | 'forwarder' | 'method' | 'outcome';

/** A call's outcome: the receiver's `Response.code` name on success, the gRPC code name on failure. */
export interface CallOutcome {
  game: string;
  forwarder: string;
  method: string;
  success: boolean;
  outcome: string;
  seconds: number;
}

/**
 * Prometheus metrics of forwarder calls: success and failure counters and a latency histogram,
 * labelled by game, forwarder, method (RPC) and outcome. Reuses metrics already in the registry,
 * so several forwarders may share one registry.
 */
export class ForwarderMetrics {
  private readonly successes: Counter<Labels>;
  private readonly failures: Counter<Labels>;
  private readonly latency: Histogram<Labels>;

  constructor(registry: Registry) {
    this.successes = reuse(
      registry,
      'maestro_events_forwarder_success_total',
      () =>
        new Counter({
          name: 'maestro_events_forwarder_success_total',
          help: 'Completed forwarder calls by response code name',
          labelNames: LABELS,
          registers: [registry],
        }),
    );
    this.failures = reuse(
      registry,
      'maestro_events_forwarder_failure_total',
      () =>
        new Counter({
          name: 'maestro_events_forwarder_failure_total',
          help: 'Forwarder calls that did not complete, by gRPC code name',
          labelNames: LABELS,
          registers: [registry],
        }),
    );
    this.latency = reuse(
      registry,
      'maestro_events_forwarder_latency_seconds',
      () =>
        new Histogram({
          name: 'maestro_events_forwarder_latency_seconds',
          help: 'Forwarder call latency',
          labelNames: LABELS,
          buckets: BUCKETS,
          registers: [registry],
        }),
    );
  }

  /** Counts one call and observes its latency. */
  record({ game, forwarder, method, success, outcome, seconds }: CallOutcome): void {
    const labels = { game, forwarder, method, outcome };
    (success ? this.successes : this.failures).inc(labels);
    this.latency.observe(labels, seconds);
  }
}

const LABELS: Labels[] = ['game', 'forwarder', 'method', 'outcome'];
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function reuse<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}
