import { RoomTokenCheck } from './room-token.check';
import { roomToken } from './secrets';

describe('RoomTokenCheck', () => {
  const secret = 'a-secret-of-the-rooms-api';

  it("accepts a room's own token and refuses another room's, another secret's and a malformed one", () => {
    const check = new RoomTokenCheck(secret);
    const own = roomToken(secret, 'fleet', 'room-1');
    expect(check.accepts('fleet', 'room-1', own)).toBe(true);
    expect(check.accepts('fleet', 'room-1', own)).toBe(true);
    expect(check.accepts('fleet', 'room-2', own)).toBe(false);
    expect(check.accepts('other', 'room-1', own)).toBe(false);
    expect(check.accepts('fleet', 'room-1', roomToken('another-secret', 'fleet', 'room-1'))).toBe(false);
    expect(check.accepts('fleet', 'room-1', own.slice(1))).toBe(false);
    expect(check.accepts('fleet', 'room-1', `${own}x`)).toBe(false);
    expect(check.accepts('fleet', 'room-1', '')).toBe(false);
  });

  it('still checks correctly once more rooms came than it keeps', () => {
    const check = new RoomTokenCheck(secret, 2);
    for (const room of ['r1', 'r2', 'r3', 'r1']) expect(check.accepts('fleet', room, roomToken(secret, 'fleet', room))).toBe(true);
    expect(check.accepts('fleet', 'r3', roomToken(secret, 'fleet', 'r2'))).toBe(false);
  });
});
