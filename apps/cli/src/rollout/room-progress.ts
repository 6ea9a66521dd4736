import type { RoomJson, SchedulerJson } from '../api/wire-types';

/** Statuses of a room that serves (or is about to serve) matches. */
const UP_STATUSES = new Set(['ready', 'occupied', 'allocated', 'active']);

/** Where a rollout stands: rooms up on the new version against the target. */
export interface RoomProgress {
  ready: number;
  target: number;
  /** Rooms still running another version (not yet terminating), for a major change. */
  outdated: number;
  done: boolean;
}

/** The rooms the scheduler keeps: its replicas exactly, or at least the autoscaling minimum. */
export interface RoomTarget {
  rooms: number;
  /** False under autoscaling, which may keep more rooms than its minimum. */
  exact: boolean;
}

export function targetRooms(scheduler: SchedulerJson): RoomTarget {
  const auto = scheduler.autoscaling;
  if (auto?.enabled) return { rooms: Math.max(auto.min ?? 0, 0), exact: false };
  return { rooms: scheduler.roomsReplicas ?? 0, exact: true };
}

/**
 * For a major change only rooms of `version` count and rooms of other versions must be gone; for
 * a minor change (rooms kept) every room counts. Done when enough rooms are up and, for an exact
 * target, no room beyond it is left (a scale-down is over).
 */
export function roomProgress(rooms: RoomJson[], version: string, target: RoomTarget, major: boolean): RoomProgress {
  const live = rooms.filter((r) => !r.isValidationRoom && r.status !== 'terminating' && r.status !== 'terminated');
  const counted = major ? live.filter((r) => r.version === version) : live;
  const ready = counted.filter((r) => UP_STATUSES.has(r.status)).length;
  const outdated = major ? live.filter((r) => r.version !== version).length : 0;
  const settled = !target.exact || live.length <= target.rooms;
  return { ready, target: target.rooms, outdated, done: ready >= target.rooms && outdated === 0 && settled };
}
