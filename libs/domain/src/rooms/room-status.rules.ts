import type { PingStatus, RoomStatus } from '../entities/game-room';
import type { InstanceStatusType } from '../entities/instance';
import { ConflictError } from '../errors/domain-error';

/** (ping status, instance status) -> room status: rooms-api.md 1.4, all 25 cells. */
const COMPOSITION: Record<PingStatus, Record<InstanceStatusType, RoomStatus>> = {
  unknown: { unknown: 'pending', pending: 'pending', ready: 'unready', terminating: 'terminating', error: 'error' },
  ready: { unknown: 'pending', pending: 'pending', ready: 'ready', terminating: 'terminating', error: 'error' },
  occupied: { unknown: 'pending', pending: 'pending', ready: 'occupied', terminating: 'terminating', error: 'error' },
  terminating: { unknown: 'terminating', pending: 'terminating', ready: 'terminating', terminating: 'terminating', error: 'error' },
  terminated: { unknown: 'terminated', pending: 'terminated', ready: 'terminated', terminating: 'terminated', error: 'error' },
};

export const composeRoomStatus = (ping: PingStatus, instance: InstanceStatusType): RoomStatus => COMPOSITION[ping][instance];

/** Allowed transitions (rooms-api.md 1.6). */
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

/** Throws ConflictError with Maestro's message unless `from -> to` is allowed. */
export function assertTransition(from: RoomStatus, to: RoomStatus): void {
  if (from === 'terminated') throw new ConflictError('game rooms has an invalid status terminated');
  if (!TRANSITIONS[from].includes(to)) throw new ConflictError(`cannot change game room status from ${from} to ${to}`);
}

export const isTransitionAllowed = (from: RoomStatus, to: RoomStatus): boolean => from !== 'terminated' && TRANSITIONS[from].includes(to);

export interface StatusContext {
  stored: RoomStatus;
  allocatedAt?: Date;
  runningMatches: number;
  maxMatches: number;
  now: Date;
  allocationTtlMs: number;
}

/** The composed status adjusted by the allocation window and, for multi-match rooms, running matches (1.5). */
export function calculateRoomStatus(ping: PingStatus, instance: InstanceStatusType, c: StatusContext): RoomStatus {
  const composed = composeRoomStatus(ping, instance);
  if (c.stored === 'allocated' && c.allocatedAt && c.now.getTime() - c.allocatedAt.getTime() <= c.allocationTtlMs) {
    return composed === 'ready' ? 'allocated' : composed;
  }
  if (c.maxMatches <= 1 || (composed !== 'ready' && composed !== 'occupied')) return composed;
  if (c.runningMatches < 1) return 'ready';
  return c.runningMatches >= c.maxMatches ? 'occupied' : 'active';
}
