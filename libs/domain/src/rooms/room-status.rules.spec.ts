import { PING_STATUSES, ROOM_STATUSES, type RoomStatus } from '../entities/game-room';
import { INSTANCE_STATUSES } from '../entities/instance';
import { assertTransition, calculateRoomStatus, composeRoomStatus, isTransitionAllowed } from './room-status.rules';

const TABLE: Record<string, RoomStatus[]> = {
  unknown: ['pending', 'pending', 'unready', 'terminating', 'error'],
  ready: ['pending', 'pending', 'ready', 'terminating', 'error'],
  occupied: ['pending', 'pending', 'occupied', 'terminating', 'error'],
  terminating: ['terminating', 'terminating', 'terminating', 'terminating', 'error'],
  terminated: ['terminated', 'terminated', 'terminated', 'terminated', 'error'],
};

describe('room status composition (rooms-api.md 1.4)', () => {
  const cells = PING_STATUSES.flatMap((ping) => INSTANCE_STATUSES.map((instance, i) => [ping, instance, TABLE[ping][i]] as const));
  it.each(cells)('ping %s + instance %s -> %s', (ping, instance, expected) => {
    expect(composeRoomStatus(ping, instance)).toBe(expected);
  });
});

describe('room status transitions (rooms-api.md 1.6)', () => {
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
  const pairs = ROOM_STATUSES.flatMap((from) => ROOM_STATUSES.filter((to) => to !== from).map((to) => [from, to, ALLOWED[from].includes(to)] as const));
  it.each(pairs)('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(isTransitionAllowed(from, to)).toBe(allowed);
    if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
    else if (from === 'terminated') expect(() => assertTransition(from, to)).toThrow('game rooms has an invalid status terminated');
    else expect(() => assertTransition(from, to)).toThrow(`cannot change game room status from ${from} to ${to}`);
  });
});

describe('status calculators (rooms-api.md 1.5)', () => {
  const now = new Date('2026-01-01T00:10:00Z');
  const base = { stored: 'ready' as RoomStatus, runningMatches: 0, maxMatches: 1, now, allocationTtlMs: 300_000 };

  it('keeps an allocated room allocated on ready pings within the window', () => {
    const allocated = { ...base, stored: 'allocated' as RoomStatus, allocatedAt: new Date('2026-01-01T00:06:00Z') };
    expect(calculateRoomStatus('ready', 'ready', allocated)).toBe('allocated');
    expect(calculateRoomStatus('occupied', 'ready', allocated)).toBe('occupied');
    expect(calculateRoomStatus('ready', 'ready', { ...allocated, allocatedAt: new Date('2026-01-01T00:04:00Z') })).toBe('ready');
  });

  it('uses running matches for multi-match rooms', () => {
    const multi = { ...base, maxMatches: 3 };
    expect(calculateRoomStatus('occupied', 'ready', { ...multi, runningMatches: 0 })).toBe('ready');
    expect(calculateRoomStatus('ready', 'ready', { ...multi, runningMatches: 2 })).toBe('active');
    expect(calculateRoomStatus('ready', 'ready', { ...multi, runningMatches: 3 })).toBe('occupied');
    expect(calculateRoomStatus('terminating', 'ready', { ...multi, runningMatches: 2 })).toBe('terminating');
  });

  it('takes the composed status for single-match rooms', () => {
    expect(calculateRoomStatus('ready', 'ready', { ...base, runningMatches: 5 })).toBe('ready');
  });
});
