import { describe, expect, it } from 'vitest';
import type { components } from '../api/management-api';
import { pingAge, sortAndFilter } from './rooms-table';

type Room = components['schemas']['RoomResponse'];
const room = (id: string, status: Room['status'], lastPingAt: string, runningMatches = 0, host = '10.0.0.1'): Room => ({
  id,
  status,
  pingStatus: 'ready',
  version: 'v1.0.0',
  lastPingAt,
  createdAt: lastPingAt,
  runningMatches,
  isValidationRoom: false,
  host,
  ports: [{ name: 'game', port: 7000, protocol: 'UDP' }],
});

describe('rooms table', () => {
  const rooms = [
    room('r-10', 'ready', '2026-01-02T10:00:10Z', 0),
    room('r-2', 'occupied', '2026-01-02T10:00:30Z', 2, '10.0.0.9'),
    room('r-1', 'ready', '2026-01-02T10:00:20Z', 1),
  ];
  const ids = (list: Room[]) => list.map((r) => r.id);

  it('sorts ids in natural order, either way', () => {
    expect(ids(sortAndFilter(rooms, 'id', false, '', ''))).toEqual(['r-1', 'r-2', 'r-10']);
    expect(ids(sortAndFilter(rooms, 'id', true, '', ''))).toEqual(['r-10', 'r-2', 'r-1']);
  });

  it('sorts by last ping time and by running matches', () => {
    expect(ids(sortAndFilter(rooms, 'lastPingAt', true, '', ''))).toEqual(['r-2', 'r-1', 'r-10']);
    expect(ids(sortAndFilter(rooms, 'runningMatches', false, '', ''))).toEqual(['r-10', 'r-1', 'r-2']);
  });

  it('filters by status and by id or address text', () => {
    expect(ids(sortAndFilter(rooms, 'id', false, 'ready', ''))).toEqual(['r-1', 'r-10']);
    expect(ids(sortAndFilter(rooms, 'id', false, '', '10.0.0.9'))).toEqual(['r-2']);
  });

  it('tells a ping age in seconds, minutes or hours', () => {
    const at = Date.parse('2026-01-02T10:00:00Z');
    expect(pingAge('2026-01-02T09:59:48Z', at)).toBe('12 s ago');
    expect(pingAge('2026-01-02T09:50:00Z', at)).toBe('10 min ago');
    expect(pingAge('2026-01-02T07:00:00Z', at)).toBe('3 h ago');
  });
});
