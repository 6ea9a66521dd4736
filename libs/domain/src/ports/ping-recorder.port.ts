import type { GameRoom, RoomPing } from '../entities/game-room';
import type { Instance } from '../entities/instance';

export const PING_RECORDER = Symbol('PingRecorder');

/** A recorded ping: the room as stored afterwards, and its instance (undefined when no instance record exists). */
export interface RecordedPing {
  room: GameRoom;
  instance: Instance | undefined;
}

/**
 * The ping hot path (not a Maestro interface): records a ping as {@link RoomStorage.recordPing}
 * does (same writes, same NotFoundError) and reads the room's instance, in one round trip and one
 * command where rooms and instances share a Redis.
 */
export interface PingRecorder {
  record(ping: RoomPing): Promise<RecordedPing>;
}
