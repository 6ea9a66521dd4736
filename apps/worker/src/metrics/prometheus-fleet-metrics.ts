import { type FleetMetrics, type RoomStatus, ROOM_STATUSES, type Scheduler } from '@maestro/domain';
import { Gauge, type Registry } from 'prom-client';
import type { PrometheusOperationMetrics } from './prometheus-operation-metrics';

/**
 * The worker's fleet metrics as Prometheus gauges: rooms per scheduler and status, and the target.
 * The schedulers reported are those whose operation queues `operations` reports.
 */
export class PrometheusFleetMetrics implements FleetMetrics {
  private readonly rooms: Gauge<'scheduler' | 'game' | 'status'>;
  private readonly desired: Gauge<'scheduler' | 'game'>;

  constructor(
    registry: Registry,
    private readonly operations?: PrometheusOperationMetrics,
  ) {
    this.rooms = new Gauge({
      name: 'maestro_rooms',
      help: 'game rooms per scheduler and room status',
      labelNames: ['scheduler', 'game', 'status'],
      registers: [registry],
    });
    this.desired = new Gauge({
      name: 'maestro_rooms_replicas',
      help: 'roomsReplicas of the active version',
      labelNames: ['scheduler', 'game'],
      registers: [registry],
    });
  }

  report(scheduler: Scheduler, roomsByStatus: ReadonlyMap<RoomStatus, number>): void {
    for (const [status, count] of roomsByStatus) this.rooms.set({ scheduler: scheduler.name, game: scheduler.game, status }, count);
    this.desired.set({ scheduler: scheduler.name, game: scheduler.game }, scheduler.roomsReplicas);
    this.operations?.track(scheduler.name);
  }

  forget(scheduler: Scheduler): void {
    for (const status of ROOM_STATUSES) this.rooms.remove({ scheduler: scheduler.name, game: scheduler.game, status });
    this.desired.remove({ scheduler: scheduler.name, game: scheduler.game });
    this.operations?.forget(scheduler.name);
  }
}
