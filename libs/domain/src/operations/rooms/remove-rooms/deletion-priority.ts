import type { GameRoom, RoomStatus } from '../../../entities/game-room';
import type { Scheduler } from '../../../entities/scheduler';
import type { RoomStorage } from '../../../ports/room-storage.port';
import { parseVersion } from '../../../versioning/semantic-version';

/** A room chosen for removal, with the metadata it had when it was read (undefined if unreadable). */
export interface RoomToRemove {
  id: string;
  metadata?: Record<string, unknown> | null;
}

/**
 * Which rooms go first (operations.md 8.5): errors, stale pings, then pending, ready, occupied;
 * rooms of the active major that are pending/ready/occupied are protected and go last;
 * terminating rooms are always appended (deleted again).
 */
export async function roomsToRemove(rooms: RoomStorage, scheduler: Scheduler, amount: number, pingTimeoutMs: number, now: Date): Promise<RoomToRemove[]> {
  const name = scheduler.name;
  const byStatus = (s: RoomStatus) => rooms.getRoomIdsByStatus(name, s);
  const candidates = [
    ...(await byStatus('error')),
    ...(await rooms.getRoomIdsByLastPing(name, new Date(now.getTime() - pingTimeoutMs))),
    ...(await byStatus('pending')),
    ...(await byStatus('ready')),
    ...(await byStatus('occupied')),
  ];
  const activeMajor = safeMajor(scheduler.spec.version);
  const first: RoomToRemove[] = [];
  const protectedRooms: RoomToRemove[] = [];
  const terminating: RoomToRemove[] = [];
  const ids = [...new Set(candidates)];
  // Every candidate at once (one batched read): a large fleet is not a round trip per room.
  const found = await rooms.findRooms(name, ids);
  for (const [i, id] of ids.entries()) {
    const room: Pick<GameRoom, 'status' | 'version'> & Partial<Pick<GameRoom, 'metadata'>> = found[i] ?? { status: 'error', version: scheduler.spec.version };
    const chosen = { id, metadata: room.metadata };
    if (room.status === 'terminating') terminating.push(chosen);
    else if (['pending', 'ready', 'occupied'].includes(room.status) && safeMajor(room.version) === activeMajor) protectedRooms.push(chosen);
    else first.push(chosen);
  }
  return [...[...first, ...protectedRooms].slice(0, amount), ...terminating];
}

function safeMajor(version: string): number | undefined {
  try {
    return parseVersion(version).major;
  } catch {
    return undefined;
  }
}
