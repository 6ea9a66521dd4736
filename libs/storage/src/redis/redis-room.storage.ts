import {
  AlreadyExistsError,
  type GameRoom,
  NotFoundError,
  type RoomPing,
  type RoomStatus,
  type RoomStatusWatcher,
  type RoomStorage,
  pingStatusFromInt,
  pingStatusToInt,
  roomStatusFromInt,
  roomStatusToInt,
} from '@maestro/domain';
import type Redis from 'ioredis';
import { type KeyPrefix, prefixOf, roomKeys, unixSeconds } from './redis-keys';
import { ALLOCATE_ROOM, CREATE_ROOM, RECORD_PING, RUNNING_MATCHES } from './redis-room.scripts';
import { RedisRoomStatusWatcher } from './redis-room-status.watcher';

/** RoomStorage on a hash per room plus the status, ping and occupancy sorted sets. */
export class RedisRoomStorage implements RoomStorage {
  private readonly keys: ReturnType<typeof roomKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
  ) {
    this.keys = roomKeys(prefixOf(keyPrefix));
  }

  async getRoom(schedulerName: string, roomId: string): Promise<GameRoom> {
    const room = await this.findRoom(schedulerName, roomId);
    if (!room) throw roomNotFound(schedulerName, roomId);
    return room;
  }

  async findRoom(schedulerName: string, roomId: string): Promise<GameRoom | undefined> {
    const [room] = await this.findRooms(schedulerName, [roomId]);
    return room;
  }

  async findRooms(schedulerName: string, roomIds: readonly string[]): Promise<(GameRoom | undefined)[]> {
    const rooms: (GameRoom | undefined)[] = [];
    // One pipeline per chunk, one after the other: a large fleet is a few dozen round trips, and
    // no single batch holds Redis (or the reply buffers) for long.
    for (let start = 0; start < roomIds.length; start += FIND_ROOMS_CHUNK) {
      const chunk = roomIds.slice(start, start + FIND_ROOMS_CHUNK);
      const pipeline = this.redis.pipeline();
      for (const roomId of chunk) {
        pipeline
          .hgetall(this.keys.room(schedulerName, roomId))
          .zscore(this.keys.statuses(schedulerName), roomId)
          .zscore(this.keys.pings(schedulerName), roomId)
          .zscore(this.keys.occupancy(schedulerName), roomId);
      }
      const values = ((await pipeline.exec()) ?? []).map(([error, value]) => {
        if (error) throw error;
        return value;
      });
      chunk.forEach((roomId, i) => {
        const [hash, status, ping, occupancy] = values.slice(i * 4, i * 4 + 4) as [Record<string, string>, string | null, string | null, string | null];
        rooms.push(roomFromRedis(schedulerName, roomId, hash, status, { ping, occupancy }));
      });
    }
    return rooms;
  }

  async createRoom(room: GameRoom): Promise<void> {
    const s = room.schedulerId;
    const created = await CREATE_ROOM.run(this.redis, [
      this.keys.room(s, room.id),
      this.keys.statuses(s),
      this.keys.pings(s),
      this.keys.occupancy(s),
      room.id,
      room.version,
      JSON.stringify(room.metadata),
      String(pingStatusToInt(room.pingStatus)),
      room.isValidationRoom ? '1' : '0',
      String(unixSeconds(room.createdAt)),
      String(roomStatusToInt(room.status)),
      String(unixSeconds(room.lastPingAt)),
      String(room.runningMatches),
    ]);
    if (Number(created) === 0) throw new AlreadyExistsError(`room ${room.id} already exists in scheduler ${s}`);
  }

  async recordPing(ping: RoomPing): Promise<GameRoom> {
    const reply = (await RECORD_PING.run(this.redis, pingKeysAndArgs(this.keys, ping))) as PingReply | null;
    return roomOfPingReply(ping, reply);
  }

  async updateRoomStatus(schedulerName: string, roomId: string, status: RoomStatus): Promise<void> {
    const changed = await this.redis.zadd(this.keys.statuses(schedulerName), 'XX', 'CH', roomStatusToInt(status), roomId);
    if (Number(changed) === 0) throw new NotFoundError(`room ${roomId} not found in scheduler ${schedulerName} or status unchanged`);
    await this.redis.publish(
      this.keys.statusChannel(schedulerName, roomId),
      JSON.stringify({ RoomID: roomId, SchedulerName: schedulerName, Status: roomStatusToInt(status) }),
    );
  }

  async deleteRoom(schedulerName: string, roomId: string): Promise<void> {
    const results = await this.redis
      .multi()
      .del(this.keys.room(schedulerName, roomId))
      .zrem(this.keys.statuses(schedulerName), roomId)
      .zrem(this.keys.pings(schedulerName), roomId)
      .zrem(this.keys.occupancy(schedulerName), roomId)
      .exec();
    if ((results ?? []).some(([, removed]) => Number(removed) === 0)) {
      throw roomNotFound(schedulerName, roomId);
    }
  }

  getAllRoomIds(schedulerName: string): Promise<string[]> {
    return this.redis.zrange(this.keys.statuses(schedulerName), 0, -1);
  }

  getRoomIdsByStatus(schedulerName: string, status: RoomStatus): Promise<string[]> {
    const score = roomStatusToInt(status);
    return this.redis.zrangebyscore(this.keys.statuses(schedulerName), score, score);
  }

  getRoomIdsByLastPing(schedulerName: string, before: Date): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.pings(schedulerName), '-inf', `(${unixSeconds(before)}`);
  }

  getRoomCount(schedulerName: string): Promise<number> {
    return this.redis.zcard(this.keys.statuses(schedulerName));
  }

  getRoomCountByStatus(schedulerName: string, status: RoomStatus): Promise<number> {
    const score = roomStatusToInt(status);
    return this.redis.zcount(this.keys.statuses(schedulerName), score, score);
  }

  async getRunningMatchesCount(schedulerName: string): Promise<number> {
    const total = await RUNNING_MATCHES.run(this.redis, [this.keys.occupancy(schedulerName), this.keys.statuses(schedulerName)]);
    return Number(total);
  }

  async allocateRoom(schedulerName: string, at: Date): Promise<string | undefined> {
    const id = await ALLOCATE_ROOM.run(this.redis, [
      this.keys.statuses(schedulerName),
      this.keys.room(schedulerName, ''),
      String(roomStatusToInt('ready')),
      String(roomStatusToInt('allocated')),
      String(unixSeconds(at)),
    ]);
    return typeof id === 'string' ? id : undefined;
  }

  async watchRoomStatus(schedulerName: string, roomId: string): Promise<RoomStatusWatcher> {
    return RedisRoomStatusWatcher.start(this.redis, this.keys.statusChannel(schedulerName, roomId));
  }
}

/** Rooms read per pipeline by findRooms (four commands each). */
const FIND_ROOMS_CHUNK = 250;

const roomNotFound = (schedulerName: string, roomId: string) => new NotFoundError(`room ${roomId} not found in scheduler ${schedulerName}`);

/** The keys and arguments of RECORD_PING, in its order, and any keys that follow them. */
export function pingKeysAndArgs(keys: ReturnType<typeof roomKeys>, ping: RoomPing, ...extraKeys: string[]): (string | number)[] {
  const s = ping.schedulerName;
  return [
    keys.room(s, ping.roomId),
    keys.statuses(s),
    keys.pings(s),
    keys.occupancy(s),
    ...extraKeys,
    ping.roomId,
    JSON.stringify(ping.metadata),
    pingStatusToInt(ping.pingStatus),
    unixSeconds(ping.at),
    ping.runningMatches,
  ];
}

/**
 * RECORD_PING's answer: the status score, then the hash fields the ping did not write (version,
 * is_validation_room, created_at, allocated_at; null when missing), then what a variant adds.
 */
export type PingReply = [string, (string | null)[], ...unknown[]];

/**
 * The room a ping's script answered, with what the ping has just stored as it is (metadata, ping
 * status, ping time to the second, running matches); NotFoundError when the room is not stored.
 */
export function roomOfPingReply(ping: RoomPing, reply: PingReply | null): GameRoom {
  if (!reply) throw roomNotFound(ping.schedulerName, ping.roomId);
  const [status, [version, isValidationRoom, createdAt, allocatedAt]] = reply;
  const hash = { version, is_validation_room: isValidationRoom, created_at: createdAt, allocated_at: allocatedAt };
  const room = roomFromRedis(ping.schedulerName, ping.roomId, hash, status, null, ping);
  if (!room) throw roomNotFound(ping.schedulerName, ping.roomId);
  return room;
}

/**
 * A room from its hash and its three scores; undefined unless all three scores exist. `written`: a
 * ping that has just stored its metadata, ping status, ping score and occupancy, taken as they are
 * (no `scores` then: the status score and the hash were read).
 */
function roomFromRedis(
  schedulerName: string,
  roomId: string,
  hash: Record<string, string | null | undefined>,
  status: string | null,
  scores: { ping: string | null; occupancy: string | null } | null,
  written?: RoomPing,
): GameRoom | undefined {
  const roomStatus = status === null ? undefined : roomStatusFromInt(Number(status));
  if (!roomStatus) return undefined;
  if (!written && (scores?.ping == null || scores.occupancy == null)) return undefined;
  return {
    id: roomId,
    schedulerId: schedulerName,
    version: hash.version ?? '',
    status: roomStatus,
    pingStatus: written ? written.pingStatus : pingStatusFromInt(Number(hash.ping_status ?? 0)),
    metadata: written ? written.metadata : parseMetadata(hash.metadata),
    lastPingAt: new Date((written ? unixSeconds(written.at) : Number(scores?.ping)) * 1000),
    isValidationRoom: hash.is_validation_room === '1',
    runningMatches: written ? written.runningMatches : Number(scores?.occupancy),
    createdAt: new Date(Number(hash.created_at ?? 0) * 1000),
    ...(hash.allocated_at ? { allocatedAt: new Date(Number(hash.allocated_at) * 1000) } : {}),
  };
}

function parseMetadata(raw: string | null | undefined): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Record<string, unknown> | null;
  } catch {
    return null;
  }
}
