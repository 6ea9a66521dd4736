import type { FixedBufferParameters } from '../../entities/scheduler';

/** What fixedBuffer reads from the rooms (autoscaling.md 4.1). */
export interface FixedBufferState {
  /** occupied + allocated rooms (active rooms are not counted). */
  occupiedRooms: number;
  /** every room but terminating and error ones. */
  totalRooms: number;
}

/** Occupied rooms plus the buffer (unclamped). */
export const fixedBufferDesiredRooms = (s: FixedBufferState, p: FixedBufferParameters): number => s.occupiedRooms + p.amount;

/** A downscale is allowed while there are more rooms than desired. */
export const fixedBufferCanDownscale = (s: FixedBufferState, p: FixedBufferParameters): boolean => s.totalRooms > fixedBufferDesiredRooms(s, p);
