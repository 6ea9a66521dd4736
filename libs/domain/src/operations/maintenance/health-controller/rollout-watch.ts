import type { RoomStatus } from '../../../entities/game-room';
import type { FailedRoom, RolloutWatch } from '../../../entities/scheduler';
import { rollbackThresholdRooms } from '../../../rooms/rollback-threshold';

/** A room one health controller run counted as available, with what the watch reads of it. */
export interface WatchedRoom {
  version?: string;
  /** `pending` for a pending instance whatever its record says. */
  status: RoomStatus;
}

/** A room seen failing in this run (error, never ready, silent), with the version it runs. */
export interface FailingRoom extends FailedRoom {
  version?: string;
}

/** What one health controller run saw of the fleet, for the watch of a rolling update. */
export interface RolloutObservation {
  watch: RolloutWatch;
  /** The scheduler's `rollbackThreshold` (undefined for the default). */
  threshold: string | undefined;
  available: WatchedRoom[];
  failing: FailingRoom[];
  now: Date;
  /** How long the watch lasts at least: a room has this long to become ready (roomInitializationTimeout). */
  settleMs: number;
}

/**
 * `abort`: the failed rooms reached the threshold; `complete`: the update is over (no room of another
 * version, every room of the version ready or in a match, none failing, the settle time past);
 * `watching` otherwise.
 */
export type RolloutVerdict = 'abort' | 'complete' | 'watching';

export interface RolloutCheck {
  verdict: RolloutVerdict;
  /** The watch with this run's failures added (each room once, its latest description kept). */
  watch: RolloutWatch;
  /** Whether the failures changed (the watch must then be saved). */
  changed: boolean;
  /** Failed rooms that abort the update; undefined when the threshold is `0` (never). */
  thresholdRooms: number | undefined;
}

const SETTLED: readonly RoomStatus[] = ['ready', 'occupied', 'allocated', 'active'];

/** Decides what a health controller run does with the rolling update it watches. Pure. */
export function checkRollout(o: RolloutObservation): RolloutCheck {
  const { watch } = o;
  const failedRooms = new Map(watch.failedRooms.map((room) => [room.id, room]));
  let changed = false;
  const failingNow = o.failing.filter((room) => room.version === watch.version);
  for (const { id, description } of failingNow) {
    if (failedRooms.get(id)?.description === description) continue;
    failedRooms.set(id, { id, description });
    changed = true;
  }
  const updated: RolloutWatch = { ...watch, failedRooms: [...failedRooms.values()] };
  const thresholdRooms = rollbackThresholdRooms(o.threshold, watch.fleetSize);
  if (thresholdRooms !== undefined && updated.failedRooms.length >= thresholdRooms) {
    return { verdict: 'abort', watch: updated, changed, thresholdRooms };
  }
  const settled =
    failingNow.length === 0 &&
    o.available.every((room) => room.version === watch.version && SETTLED.includes(room.status)) &&
    o.now.getTime() - watch.startedAt.getTime() >= o.settleMs;
  return { verdict: settled ? 'complete' : 'watching', watch: updated, changed, thresholdRooms };
}
