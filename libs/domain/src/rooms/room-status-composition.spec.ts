import { PING_STATUSES, type RoomStatus } from '../entities/game-room';
import { INSTANCE_STATUSES } from '../entities/instance';
import { composeRoomStatus } from './room-status-composition';

// rooms-api.md 1.4, columns: unknown, pending, ready, terminating, error.
const TABLE: Record<string, RoomStatus[]> = {
  unknown: ['pending', 'pending', 'unready', 'terminating', 'error'],
  ready: ['pending', 'pending', 'ready', 'terminating', 'error'],
  occupied: ['pending', 'pending', 'occupied', 'terminating', 'error'],
  terminating: ['terminating', 'terminating', 'terminating', 'terminating', 'error'],
  terminated: ['terminated', 'terminated', 'terminated', 'terminated', 'error'],
};

describe('room status composition (rooms-api.md 1.4)', () => {
  const cells = PING_STATUSES.flatMap((ping) => INSTANCE_STATUSES.map((instance, i) => [ping, instance, TABLE[ping][i]] as const));

  it('defines all 25 cells', () => {
    expect(cells).toHaveLength(25);
  });

  it.each(cells)('ping %s + instance %s -> %s', (ping, instance, expected) => {
    expect(composeRoomStatus(ping, instance)).toBe(expected);
  });
});
