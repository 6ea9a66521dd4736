import type { RoomStatus } from '../entities/game-room';
import type { Scheduler } from '../entities/scheduler';

export const FLEET_METRICS = Symbol('FleetMetrics');

/** Where the worker publishes each scheduler's fleet: rooms by status and the replicas target. */
export interface FleetMetrics {
  /** Publishes the scheduler's room counts by status (a status left out keeps its last count) and its `roomsReplicas`. */
  report(scheduler: Scheduler, roomsByStatus: ReadonlyMap<RoomStatus, number>): void;
  /** Drops the series of a scheduler this process no longer works for. */
  forget(scheduler: Scheduler): void;
}
