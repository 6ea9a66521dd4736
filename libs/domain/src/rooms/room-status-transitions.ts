import type { RoomStatus } from '../entities/game-room';
import { ConflictError } from '../errors/domain-error';

/** Allowed transitions (rooms-api.md 1.6); `terminated` is final. */
const TRANSITIONS: Record<RoomStatus, readonly RoomStatus[]> = {
  pending: ['ready', 'unready', 'occupied', 'terminating', 'error'],
  ready: ['occupied', 'allocated', 'active', 'unready', 'terminating', 'error'],
  unready: ['pending', 'ready', 'occupied', 'active', 'terminating', 'error'],
  active: ['ready', 'occupied', 'unready', 'terminating', 'error'],
  occupied: ['ready', 'active', 'unready', 'terminating', 'error'],
  allocated: ['ready', 'active', 'occupied', 'unready', 'terminating', 'error'],
  error: ['ready', 'unready', 'terminating'],
  terminating: ['ready', 'unready', 'error', 'terminated'],
  terminated: [],
};

/** Statuses a room in `from` may move to. */
export const allowedTransitions = (from: RoomStatus): readonly RoomStatus[] => TRANSITIONS[from];

/** Whether `from -> to` is allowed. Call it only for real changes: the same status is no transition. */
export const isTransitionAllowed = (from: RoomStatus, to: RoomStatus): boolean => TRANSITIONS[from].includes(to);

/**
 * Throws ConflictError with Maestro's message unless `from -> to` is allowed:
 * `game rooms has an invalid status terminated` from a terminated room, else
 * `cannot change game room status from <from> to <to>`.
 */
export function assertTransition(from: RoomStatus, to: RoomStatus): void {
  if (from === 'terminated') throw new ConflictError('game rooms has an invalid status terminated');
  if (!isTransitionAllowed(from, to)) throw new ConflictError(`cannot change game room status from ${from} to ${to}`);
}
