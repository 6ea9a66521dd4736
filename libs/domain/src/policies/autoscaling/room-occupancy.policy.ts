import type { RoomOccupancyParameters } from '../../entities/scheduler';

/** What roomOccupancy reads from the rooms (autoscaling.md 3.1). */
export interface RoomOccupancyState {
  ready: number;
  active: number;
  occupied: number;
  allocated: number;
  /** Sum of positive running-match counts of existing rooms (any status). */
  runningMatchesSum: number;
  maxMatches: number;
}

/** Matches in play: reported running matches plus one per allocated room. */
export const runningMatches = (s: RoomOccupancyState): number => s.runningMatchesSum + s.allocated;

/** Free match slots of the counted rooms (may be negative). */
export const freeSlots = (s: RoomOccupancyState): number => (s.ready + s.active + s.occupied + s.allocated) * s.maxMatches - s.runningMatchesSum;

/** Rooms needed so that `readyTarget` of the capacity stays free (unclamped). */
export function roomOccupancyDesiredRooms(s: RoomOccupancyState, p: RoomOccupancyParameters): number {
  const desiredMatches = Math.ceil(runningMatches(s) / (1 - p.readyTarget));
  return Math.ceil(desiredMatches / s.maxMatches);
}

/**
 * A downscale is allowed when the free capacity we want is at most `downThreshold` of the free
 * capacity we have; never with no free slot, always when the free slots are negative.
 */
export function roomOccupancyCanDownscale(s: RoomOccupancyState, p: RoomOccupancyParameters): boolean {
  assertFraction('readyTarget', p.readyTarget);
  assertFraction('downThreshold', p.downThreshold);
  const desiredFreeSlots = Math.ceil(roomOccupancyDesiredRooms(s, p) * s.maxMatches * p.readyTarget);
  const ratio = desiredFreeSlots / freeSlots(s);
  return Number.isFinite(ratio) ? ratio <= p.downThreshold : false;
}

function assertFraction(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
}
