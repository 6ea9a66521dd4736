import type { GameRoom, RoomPing, RoomStatus } from '../entities/game-room';

export const ROOM_STORAGE = Symbol('RoomStorage');

/** A subscription to one room's status changes. */
export interface RoomStatusWatcher {
  /**
   * Resolves with the next status published for the room since the subscription (statuses published
   * while nobody waited are kept, in order); rejects with the signal's reason once it aborts.
   */
  next(signal?: AbortSignal): Promise<RoomStatus>;
  /** Ends the subscription. */
  stop(): Promise<void>;
}

/**
 * Rooms of every scheduler (Redis hash + status/ping/occupancy sorted sets). Room ids are unique per
 * scheduler. Times (creation, last ping, allocation) are kept to the whole second, rounded down (the
 * sets' scores are unix seconds); metadata is kept as JSON.
 */
export interface RoomStorage {
  /** The room; throws NotFoundError unless it is in all three sorted sets. */
  getRoom(schedulerName: string, roomId: string): Promise<GameRoom>;
  /** The room, or undefined when it is not stored (as getRoom would throw NotFoundError); other failures reject. */
  findRoom(schedulerName: string, roomId: string): Promise<GameRoom | undefined>;
  /**
   * The rooms of `roomIds`, in the order asked, each as findRoom answers it (undefined when not
   * stored): one read of many rooms instead of a round trip per room. Other failures reject.
   */
  findRooms(schedulerName: string, roomIds: readonly string[]): Promise<(GameRoom | undefined)[]>;
  /**
   * Writes a new room (its `allocatedAt` is not written: only allocateRoom sets it); throws
   * AlreadyExistsError when any of its set members exists.
   */
  createRoom(room: GameRoom): Promise<void>;
  /**
   * Records a ping (metadata, ping status, last ping, running matches) and answers the room as stored
   * afterwards, in one atomic step. A room outside the status set gets no write; one missing from any
   * of the three sets throws NotFoundError (like getRoom).
   */
  recordPing(ping: RoomPing): Promise<GameRoom>;
  /**
   * Writes the status only when the room exists and the status changes, then publishes it.
   * Throws NotFoundError when nothing changed (room missing or same status).
   */
  updateRoomStatus(schedulerName: string, roomId: string, status: RoomStatus): Promise<void>;
  /** Deletes the room's hash and set members; throws NotFoundError if anything was missing. */
  deleteRoom(schedulerName: string, roomId: string): Promise<void>;
  /** Ids of every room of the scheduler (members of the status set). */
  getAllRoomIds(schedulerName: string): Promise<string[]>;
  /** Ids of the rooms in one status. */
  getRoomIdsByStatus(schedulerName: string, status: RoomStatus): Promise<string[]>;
  /** Ids of the rooms whose last ping is older than `before`, to the second (an earlier second). */
  getRoomIdsByLastPing(schedulerName: string, before: Date): Promise<string[]>;
  /** Number of rooms of the scheduler. */
  getRoomCount(schedulerName: string): Promise<number>;
  /** Number of rooms in one status. */
  getRoomCountByStatus(schedulerName: string, status: RoomStatus): Promise<number>;
  /** Sum of the positive running-match counts of rooms that still exist. */
  getRunningMatchesCount(schedulerName: string): Promise<number>;
  /**
   * Atomically moves the `ready` room with the smallest id to `allocated`, with `allocatedAt` = `at`:
   * concurrent callers never get the same room. Publishes no status. Undefined when none is ready.
   */
  allocateRoom(schedulerName: string, at: Date): Promise<string | undefined>;
  /** Subscribes to the statuses updateRoomStatus publishes for one room (used by new-version validation). */
  watchRoomStatus(schedulerName: string, roomId: string): Promise<RoomStatusWatcher>;
}
