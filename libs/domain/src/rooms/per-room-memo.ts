/** Rooms a memo keeps unless told otherwise: every room of a large fleet. */
const DEFAULT_CAPACITY = 100_000;

/**
 * One value per room, for hot paths that would otherwise recompute it on every call (a room's
 * expected token, its decoded instance). Keyed by scheduler then room, so a lookup builds no
 * string; holds at most `capacity` rooms, then forgets them all at once.
 */
export class PerRoomMemo<V> {
  private readonly schedulers = new Map<string, Map<string, V>>();
  private size = 0;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(schedulerName: string, roomId: string): V | undefined {
    return this.schedulers.get(schedulerName)?.get(roomId);
  }

  set(schedulerName: string, roomId: string, value: V): void {
    if (this.size >= this.capacity) this.clear();
    let rooms = this.schedulers.get(schedulerName);
    if (!rooms) {
      rooms = new Map();
      this.schedulers.set(schedulerName, rooms);
    }
    const before = rooms.size;
    rooms.set(roomId, value);
    this.size += rooms.size - before;
  }

  clear(): void {
    this.schedulers.clear();
    this.size = 0;
  }
}
