import { timingSafeEqual } from 'node:crypto';
import { roomToken } from './secrets';

/** Rooms whose expected token a check keeps, unless told otherwise: every room of a large fleet. */
const DEFAULT_CAPACITY = 100_000;

/**
 * Checks rooms' own credentials ({@link roomToken}) on the hot path: each room's expected token is
 * computed once and kept (at most `capacity` rooms, then forgotten all at once), and a presented
 * token is compared in constant time. A token of another length is refused at once: every room
 * token has the same, public, length.
 */
export class RoomTokenCheck {
  private readonly expected = new Map<string, Buffer>();

  constructor(
    private readonly secret: string,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** Whether `token` is the credential of room `roomId` of `schedulerName`. */
  accepts(schedulerName: string, roomId: string, token: string): boolean {
    const key = `${schedulerName}/${roomId}`;
    let expected = this.expected.get(key);
    if (!expected) {
      expected = Buffer.from(roomToken(this.secret, schedulerName, roomId), 'utf8');
      if (this.expected.size >= this.capacity) this.expected.clear();
      this.expected.set(key, expected);
    }
    const presented = Buffer.from(token, 'utf8');
    return presented.length === expected.length && timingSafeEqual(presented, expected);
  }
}
