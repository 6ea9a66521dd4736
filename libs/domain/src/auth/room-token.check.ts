import { PerRoomMemo } from '../rooms/per-room-memo';
import { constantTimeEquals, roomToken } from './secrets';

/**
 * Checks rooms' own credentials ({@link roomToken}) on the hot path: each room's expected token is
 * computed once and kept (a {@link PerRoomMemo}), and a presented token is compared in constant
 * time. A token of another length is refused at once: every room token has the same, public, length.
 */
export class RoomTokenCheck {
  private readonly expected: PerRoomMemo<string>;

  constructor(
    private readonly secret: string,
    capacity?: number,
  ) {
    this.expected = new PerRoomMemo(capacity);
  }

  /** Whether `token` is the credential of room `roomId` of `schedulerName`. */
  accepts(schedulerName: string, roomId: string, token: string): boolean {
    let expected = this.expected.get(schedulerName, roomId);
    if (expected === undefined) {
      expected = roomToken(this.secret, schedulerName, roomId);
      this.expected.set(schedulerName, roomId, expected);
    }
    return constantTimeEquals(token, expected);
  }
}
