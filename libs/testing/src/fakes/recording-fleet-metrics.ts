import type { FleetMetrics, RoomStatus, Scheduler } from '@maestro/domain';

/** What is published of one scheduler: its game, replicas target and room counts by status. */
export interface PublishedFleet {
  game: string;
  roomsReplicas: number;
  rooms: Partial<Record<RoomStatus, number>>;
}

/**
 * The FleetMetrics port in memory, for unit tests: what is published per scheduler, as the gauges
 * hold it (a report sets the counts it carries, the others keep their value, until forgotten).
 */
export class RecordingFleetMetrics implements FleetMetrics {
  readonly published = new Map<string, PublishedFleet>();
  /** Number of reports received. */
  reports = 0;

  report(scheduler: Scheduler, roomsByStatus: ReadonlyMap<RoomStatus, number>): void {
    this.reports += 1;
    const rooms = { ...this.published.get(scheduler.name)?.rooms, ...Object.fromEntries(roomsByStatus) };
    this.published.set(scheduler.name, { game: scheduler.game, roomsReplicas: scheduler.roomsReplicas, rooms });
  }

  forget(scheduler: Scheduler): void {
    this.published.delete(scheduler.name);
  }
}
