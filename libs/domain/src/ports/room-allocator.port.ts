import type { Instance } from '../entities/instance';

export const ROOM_ALLOCATOR = Symbol('RoomAllocator');

/** A room given to a match, with its instance as stored (undefined when no instance record exists). */
export interface TakenRoom {
  roomId: string;
  instance: Instance | undefined;
}

/**
 * The allocation hot path (not a Maestro interface): takes a ready room as
 * {@link RoomStorage.allocateRoom} does (the smallest id, never to two callers), counts the
 * allocation as {@link AllocationCounter.record} does, and reads the room's instance, in one
 * round trip where rooms, instances and counts share a Redis. A failed count fails nothing.
 * Undefined when no room is ready.
 */
export interface RoomAllocator {
  take(schedulerName: string, at: Date): Promise<TakenRoom | undefined>;
}
