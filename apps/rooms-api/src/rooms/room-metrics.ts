import { Inject, Injectable } from '@nestjs/common';
import { LabelledSeries, METRICS_REGISTRY } from '@maestro/platform';
import type { Registry } from 'prom-client';

/**
 * What game rooms do to the rooms API, for operators: pings by status, allocations by result and
 * latency. Recorded as LabelledSeries: each ping and allocation pays no label hashing.
 */
@Injectable()
export class RoomMetrics {
  private readonly pings: LabelledSeries;
  private readonly allocations: LabelledSeries;
  private readonly allocationLatency: LabelledSeries;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.pings = new LabelledSeries(registry, {
      labelNames: ['scheduler', 'status'],
      counter: { name: 'maestro_room_pings_total', help: 'room pings received, by scheduler and reported status' },
    });
    this.allocations = new LabelledSeries(registry, {
      labelNames: ['scheduler', 'result'],
      counter: {
        name: 'maestro_room_allocations_total',
        help: 'room allocation requests by scheduler and result (allocated, failed: no ready room or an error)',
      },
    });
    this.allocationLatency = new LabelledSeries(registry, {
      labelNames: ['result'],
      histogram: {
        name: 'maestro_room_allocation_duration_seconds',
        help: 'room allocation latency by result',
        buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      },
    });
  }

  pinged(schedulerName: string, status: string): void {
    this.pings.record([schedulerName, status]);
  }

  /** Runs one allocation, counting its result and timing it. */
  async allocation<T>(schedulerName: string, allocate: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const record = (result: 'allocated' | 'failed') => {
      this.allocations.record([schedulerName, result]);
      this.allocationLatency.record([result], (performance.now() - started) / 1000);
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
