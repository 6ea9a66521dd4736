import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@maestro/platform';
import { Counter, Histogram, type Registry } from 'prom-client';

/** What game rooms do to the rooms API, for operators: pings by status, allocations by result and latency. */
@Injectable()
export class RoomMetrics {
  private readonly pings: Counter<'scheduler' | 'status'>;
  private readonly allocations: Counter<'scheduler' | 'result'>;
  private readonly allocationLatency: Histogram<'result'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.pings = new Counter({
      name: 'maestro_room_pings_total',
      help: 'room pings received, by scheduler and reported status',
      labelNames: ['scheduler', 'status'],
      registers: [registry],
    });
    this.allocations = new Counter({
      name: 'maestro_room_allocations_total',
      help: 'room allocation requests by scheduler and result (allocated, failed: no ready room or an error)',
      labelNames: ['scheduler', 'result'],
      registers: [registry],
    });
    this.allocationLatency = new Histogram({
      name: 'maestro_room_allocation_duration_seconds',
      help: 'room allocation latency by result',
      labelNames: ['result'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    });
  }

  pinged(schedulerName: string, status: string): void {
    this.pings.inc({ scheduler: schedulerName, status });
  }

  /** Runs one allocation, counting its result and timing it. */
  async allocation<T>(schedulerName: string, allocate: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const record = (result: 'allocated' | 'failed') => {
      this.allocations.inc({ scheduler: schedulerName, result });
      this.allocationLatency.observe({ result }, (performance.now() - started) / 1000);
    };
    try {
      const allocated = await allocate();
      record('allocated');
      return allocated;
    } catch (error) {
      record('failed');
      throw error;
    }
  }
}
