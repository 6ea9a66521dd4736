import { ROOM_STATUSES, type RoomStatus } from '../entities/game-room';
import { ConflictError } from '../errors/domain-error';
import { allowedTransitions, assertTransition, isTransitionAllowed } from './room-status-transitions';

// rooms-api.md 1.6
const ALLOWED: Record<RoomStatus, RoomStatus[]> = {
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

const pairs = ROOM_STATUSES.flatMap((from) => ROOM_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const));
const allowed = pairs.filter(([from, to]) => ALLOWED[from].includes(to));
const forbidden = pairs.filter(([from, to]) => !ALLOWED[from].includes(to) && from !== 'terminated');
const fromTerminated = pairs.filter(([from]) => from === 'terminated');

describe('room status transitions (rooms-api.md 1.6)', () => {
  it('lists the allowed targets of every status', () => {
    for (const status of ROOM_STATUSES) expect([...allowedTransitions(status)].sort()).toEqual([...ALLOWED[status]].sort());
  });

  it.each(allowed)('allows %s -> %s', (from, to) => {
    expect(isTransitionAllowed(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(forbidden)('forbids %s -> %s with Maestro message', (from, to) => {
    expect(isTransitionAllowed(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(new ConflictError(`cannot change game room status from ${from} to ${to}`));
  });

  it.each(fromTerminated)('refuses any change of a terminated room (%s -> %s)', (from, to) => {
    expect(isTransitionAllowed(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(new ConflictError('game rooms has an invalid status terminated'));
  });

  it.each(ROOM_STATUSES)('does not treat %s -> itself as a transition (callers skip unchanged statuses)', (status) => {
    expect(isTransitionAllowed(status, status)).toBe(false);
  });

  it('covers every ordered pair of distinct statuses', () => {
    expect(allowed.length + forbidden.length + fromTerminated.length).toBe(9 * 8);
  });
});
