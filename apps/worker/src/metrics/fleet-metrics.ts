import { ROOM_STATUSES, type RoomStorage, type Scheduler } from '@maestro/domain';
import { Gauge, type Registry } from 'prom-client';

/** Prometheus gauges of the metrics reporter: rooms per scheduler and status, and the fleet target. */
export class FleetMetrics {
  private readonly rooms: Gauge<'scheduler' | 'game' | 'status'>;
  private readonly desired: Gauge<'scheduler' | 'game'>;

  constructor(registry: Registry) {
    this.rooms = new Gauge({ name: 'maestro_rooms', help: 'game rooms per scheduler and room status', labelNames: ['scheduler', 'game', 'status'], registers: [registry] });
    this.desired = new Gauge({ name: 'maestro_rooms_replicas', help: 'roomsReplicas of the active version', labelNames: ['scheduler', 'game'], registers: [registry] });
  }

  /** Reads the room counters of one scheduler and publishes them. */
  async report(scheduler: Scheduler, rooms: RoomStorage): Promise<void> {
    const counts = await Promise.all(ROOM_STATUSES.map((status) => rooms.getRoomCountByStatus(scheduler.name, status)));
    ROOM_STATUSES.forEach((status, i) => this.rooms.set({ scheduler: scheduler.name, game: scheduler.game, status }, counts[i]));
    this.desired.set({ scheduler: scheduler.name, game: scheduler.game }, scheduler.roomsReplicas);
  }

  /** Drops the series of a deleted scheduler. */
  forget(scheduler: Scheduler): void {
    for (const status of ROOM_STATUSES) this.rooms.remove({ scheduler: scheduler.name, game: scheduler.game, status });
    this.desired.remove({ scheduler: scheduler.name, game: scheduler.game });
  }
}
