import type { GameRoom, RoomPing } from '../entities/game-room';
import type { Instance } from '../entities/instance';

export const PING_RECORDER = Symbol('PingRecorder');

/** A recorded ping: the room as stored afterwards, and its instance (undefined when no instance record exists). */
export interface RecordedPing {
  room: GameRoom;
  instance: Instance | undefined;
  /**
   * The scheduler cache's invalidation generation of the ping's scheduler, read in the same step
   * as the ping, where the recorder can (the cache on the same Redis); SchedulerLookup.getAt then
   * needs no read of its own while its in-process copy belongs to that generation.
   */
  schedulerCacheGeneration?: string;
}

/**
 * The ping hot path (not a Maestro interface): records a ping as {@link RoomStorage.recordPing}
 * does (same writes, same NotFoundError) and reads the room's instance, in one round trip and one
 * command where rooms and instances share a Redis.
 */
export interface PingRecorder {
  record(ping: RoomPing): Promise<RecordedPing>;
}
