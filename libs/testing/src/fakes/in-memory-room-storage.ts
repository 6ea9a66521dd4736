import {
  AlreadyExistsError,
  type GameRoom,
  NotFoundError,
  type RoomPing,
  type RoomStatus,
  type RoomStatusWatcher,
  type RoomStorage,
  roomStatusToInt,
} from '@maestro/domain';

/** A date cut to the whole second, as the Redis adapter keeps every room time. */
const toSecond = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);
const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);
/** Metadata as the JSON round trip of the Redis hash answers it. */
const jsonCopy = (metadata: Record<string, unknown> | null): Record<string, unknown> | null =>
  JSON.parse(JSON.stringify(metadata)) as Record<string, unknown> | null;

/** One room's status subscription: statuses published while nobody waits are kept in order. */
class InMemoryRoomStatusWatcher implements RoomStatusWatcher {
  private readonly buffered: RoomStatus[] = [];
  private waiting?: (status: RoomStatus) => void;

  constructor(private readonly onStop: (watcher: InMemoryRoomStatusWatcher) => void) {}

  next(signal?: AbortSignal): Promise<RoomStatus> {
    const ready = this.buffered.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal?.reason ?? new Error('aborted'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting = (status) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(status);
      };
    });
  }

  async stop(): Promise<void> {
    this.onStop(this);
  }

  publish(status: RoomStatus): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(status);
    else this.buffered.push(status);
  }
}

/**
 * RoomStorage in memory, for unit tests: rooms by `<scheduler>/<room id>`, kept as the Redis adapter
 * answers them (times cut to the second, metadata through JSON, no `allocatedAt` until allocated).
 * `holdCreations` makes room creations wait, not yet written, until `release`; `leavePartial` leaves
 * a room as a fault can leave it in Redis.
 */
export class InMemoryRoomStorage implements RoomStorage {
  readonly rooms = new Map<string, GameRoom>();
  /** Keys of rooms without their ping score: listed and counted by status, absent to reads. */
  private readonly partial = new Set<string>();
  private readonly watchers = new Map<string, Set<InMemoryRoomStatusWatcher>>();
  private holding = false;
  private waiting: (() => void)[] = [];

  /** From now on, room creations wait (not yet written) until `release`. */
  holdCreations(): void {
    this.holding = true;
  }

  /** Lets the waiting creations go on and stops holding new ones. */
  release(): void {
    this.holding = false;
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((resume) => resume());
  }

  /** Room creations waiting for `release`. */
  get held(): number {
    return this.waiting.length;
  }

  /**
   * Takes the room's ping score away, as the Redis adapter would find it after a fault: still in the
   * status set (listed, counted, refused by createRoom, its status updated), absent to reads until a
   * ping writes its scores again, and deleteRoom removes it but answers NotFoundError.
   */
  leavePartial(schedulerName: string, roomId: string): void {
    this.stored(schedulerName, roomId);
    this.partial.add(`${schedulerName}/${roomId}`);
  }

  async getRoom(schedulerName: string, roomId: string): Promise<GameRoom> {
    return structuredClone(this.stored(schedulerName, roomId));
  }

  async findRoom(schedulerName: string, roomId: string): Promise<GameRoom | undefined> {
    const key = `${schedulerName}/${roomId}`;
    const room = this.partial.has(key) ? undefined : this.rooms.get(key);
    return room && structuredClone(room);
  }

  async findRooms(schedulerName: string, roomIds: readonly string[]): Promise<(GameRoom | undefined)[]> {
    return Promise.all(roomIds.map((id) => this.findRoom(schedulerName, id)));
  }

  async createRoom(room: GameRoom): Promise<void> {
    if (this.holding) await new Promise<void>((resume) => this.waiting.push(resume));
    const key = `${room.schedulerId}/${room.id}`;
    if (this.rooms.has(key)) throw new AlreadyExistsError(`room ${room.id} already exists in scheduler ${room.schedulerId}`);
    const { allocatedAt: _notWritten, ...written } = room;
    this.rooms.set(key, {
      ...structuredClone(written),
      metadata: jsonCopy(room.metadata),
      createdAt: toSecond(room.createdAt),
      lastPingAt: toSecond(room.lastPingAt),
    });
  }

  async recordPing(ping: RoomPing): Promise<GameRoom> {
    // A partial room is pinged whole again, as the Redis script writes every score.
    this.partial.delete(`${ping.schedulerName}/${ping.roomId}`);
    const room = this.stored(ping.schedulerName, ping.roomId);
    room.metadata = jsonCopy(ping.metadata);
    room.pingStatus = ping.pingStatus;
    room.lastPingAt = toSecond(ping.at);
    room.runningMatches = ping.runningMatches;
    return structuredClone(room);
  }

  async updateRoomStatus(schedulerName: string, roomId: string, status: RoomStatus): Promise<void> {
    const room = this.rooms.get(`${schedulerName}/${roomId}`);
    if (!room || room.status === status) throw new NotFoundError(`room ${roomId} not found in scheduler ${schedulerName} or status unchanged`);
    room.status = status;
    for (const watcher of this.watchers.get(`${schedulerName}/${roomId}`) ?? []) watcher.publish(status);
  }

  async deleteRoom(schedulerName: string, roomId: string): Promise<void> {
    const key = `${schedulerName}/${roomId}`;
    const wasPartial = this.partial.delete(key);
    if (!this.rooms.delete(key) || wasPartial) throw new NotFoundError(`room ${roomId} not found in scheduler ${schedulerName}`);
  }

  async getAllRoomIds(schedulerName: string): Promise<string[]> {
    return this.ids(
      schedulerName,
      () => true,
      (room) => roomStatusToInt(room.status),
    );
  }

  async getRoomIdsByStatus(schedulerName: string, status: RoomStatus): Promise<string[]> {
    return this.ids(schedulerName, (room) => room.status === status);
  }

  async getRoomIdsByLastPing(schedulerName: string, before: Date): Promise<string[]> {
    return this.ids(
      schedulerName,
      (room) => !this.partial.has(`${schedulerName}/${room.id}`) && seconds(room.lastPingAt) < seconds(before),
      (room) => seconds(room.lastPingAt),
    );
  }

  async getRoomCount(schedulerName: string): Promise<number> {
    return (await this.getAllRoomIds(schedulerName)).length;
  }

  async getRoomCountByStatus(schedulerName: string, status: RoomStatus): Promise<number> {
    return (await this.getRoomIdsByStatus(schedulerName, status)).length;
  }

  async getRunningMatchesCount(schedulerName: string): Promise<number> {
    return this.roomsOf(schedulerName).reduce((total, room) => total + Math.max(0, room.runningMatches), 0);
  }

  async allocateRoom(schedulerName: string, at: Date): Promise<string | undefined> {
    // Read and written in one step (no await in between): concurrent callers get different rooms.
    const [id] = this.ids(schedulerName, (room) => room.status === 'ready');
    const room = id === undefined ? undefined : this.rooms.get(`${schedulerName}/${id}`);
    if (!room) return undefined;
    room.status = 'allocated';
    room.allocatedAt = toSecond(at);
    return id;
  }

  async watchRoomStatus(schedulerName: string, roomId: string): Promise<RoomStatusWatcher> {
    const key = `${schedulerName}/${roomId}`;
    const watchers = this.watchers.get(key) ?? new Set<InMemoryRoomStatusWatcher>();
    this.watchers.set(key, watchers);
    const watcher = new InMemoryRoomStatusWatcher((stopped) => watchers.delete(stopped));
    watchers.add(watcher);
    return watcher;
  }

  private stored(schedulerName: string, roomId: string): GameRoom {
    const key = `${schedulerName}/${roomId}`;
    const room = this.partial.has(key) ? undefined : this.rooms.get(key);
    if (!room) throw new NotFoundError(`room ${roomId} not found in scheduler ${schedulerName}`);
    return room;
  }

  private roomsOf(schedulerName: string): GameRoom[] {
    return [...this.rooms.values()].filter((room) => room.schedulerId === schedulerName);
  }

  /** Ids of the matching rooms in the order of a Redis sorted set: by score, then by id. */
  private ids(schedulerName: string, matches: (room: GameRoom) => boolean, score: (room: GameRoom) => number = () => 0): string[] {
    return this.roomsOf(schedulerName)
      .filter(matches)
      .sort((a, b) => score(a) - score(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((room) => room.id);
  }
}
