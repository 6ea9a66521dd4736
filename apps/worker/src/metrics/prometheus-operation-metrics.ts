import { type Operation, OperationName, isFinalOperationStatus } from '@maestro/domain';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The pending operations of a scheduler (OperationStorage.listPendingOperations). */
export type PendingOperations = (schedulerName: string) => Promise<Operation[]>;

const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

/**
 * The worker's operation metrics: executions by operation and result with their durations, each
 * scheduler's queue (pending operations and the age of the oldest) and health controller lag (time
 * since its last finished run). Queue and lag are computed when scraped, for the schedulers tracked.
 */
export class PrometheusOperationMetrics {
  private readonly executions: Counter<'scheduler' | 'operation' | 'result'>;
  private readonly durations: Histogram<'operation' | 'result'>;
  private readonly queueDepth: Gauge<'scheduler'>;
  private readonly queueAge: Gauge<'scheduler'>;
  private readonly lastHealthControllerRun = new Map<string, number>();
  private readonly schedulers = new Set<string>();
  private refreshing?: Promise<void>;

  constructor(
    registry: Registry,
    private readonly pending: PendingOperations,
    private readonly now: () => number = Date.now,
  ) {
    this.executions = new Counter({
      name: 'maestro_operations_total',
      help: 'operations executed, by scheduler, operation name and final status (finished, error, canceled; skipped when not run)',
      labelNames: ['scheduler', 'operation', 'result'],
      registers: [registry],
    });
    this.durations = new Histogram({
      name: 'maestro_operation_duration_seconds',
      help: 'time from delivery to final status of an operation, by operation name and final status',
      labelNames: ['operation', 'result'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    });
    const refresh = () => this.refresh();
    this.queueDepth = new Gauge({
      name: 'maestro_operation_queue_depth',
      help: 'pending operations per scheduler',
      labelNames: ['scheduler'],
      registers: [registry],
      collect: refresh,
    });
    this.queueAge = new Gauge({
      name: 'maestro_operation_queue_oldest_age_seconds',
      help: 'age of the oldest pending operation per scheduler (0 when none waits)',
      labelNames: ['scheduler'],
      registers: [registry],
      collect: refresh,
    });
    const lag = new Gauge({
      name: 'maestro_health_controller_lag_seconds',
      help: 'time since the last finished health controller run per scheduler',
      labelNames: ['scheduler'],
      registers: [registry],
      collect: () => {
        lag.reset();
        for (const [scheduler, at] of this.lastHealthControllerRun) lag.set({ scheduler }, (this.now() - at) / 1000);
      },
    });
  }

  /** Counts one delivery of an operation (undefined: it could not be loaded) that took `seconds`. */
  observe(schedulerName: string, operation: Operation | undefined, seconds: number): void {
    const name = operation?.definitionName ?? 'unknown';
    const result = operation && isFinalOperationStatus(operation.status) ? operation.status : 'skipped';
    this.executions.inc({ scheduler: schedulerName, operation: name, result });
    this.durations.observe({ operation: name, result }, seconds);
    if (name === OperationName.HealthController && result === 'finished') this.lastHealthControllerRun.set(schedulerName, this.now());
  }

  /** Reports the scheduler's queue from now on. */
  track(schedulerName: string): void {
    this.schedulers.add(schedulerName);
  }

  /** Drops every series of a scheduler this process no longer works for. */
  forget(schedulerName: string): void {
    this.schedulers.delete(schedulerName);
    this.lastHealthControllerRun.delete(schedulerName);
    this.queueDepth.remove({ scheduler: schedulerName });
    this.queueAge.remove({ scheduler: schedulerName });
  }

  /** One read of the queues for both gauges of a scrape; a scheduler whose read fails keeps its last values. */
  private refresh(): Promise<void> {
    this.refreshing ??= Promise.all(
      [...this.schedulers].map(async (scheduler) => {
        const operations = await this.pending(scheduler);
        const oldest = Math.min(...operations.map((operation) => operation.createdAt.getTime()));
        this.queueDepth.set({ scheduler }, operations.length);
        this.queueAge.set({ scheduler }, operations.length === 0 ? 0 : Math.max(0, (this.now() - oldest) / 1000));
      }),
    )
      .catch(() => undefined)
      .then(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }
}
