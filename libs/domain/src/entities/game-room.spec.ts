import { pingStatusFromInt, pingStatusToInt, roomStatusFromInt, roomStatusToInt } from './game-room';

describe('game room status integers', () => {
  it('stores room statuses with Maestro numbering', () => {
    expect(roomStatusToInt('pending')).toBe(0);
    expect(roomStatusToInt('ready')).toBe(2);
    expect(roomStatusToInt('terminated')).toBe(6);
    expect(roomStatusToInt('allocated')).toBe(8);
    expect(roomStatusFromInt(7)).toBe('active');
    expect(roomStatusFromInt(9)).toBeUndefined();
  });

  it('stores ping statuses with Maestro numbering', () => {
    expect(pingStatusToInt('occupied')).toBe(2);
    expect(pingStatusFromInt(4)).toBe('terminated');
    expect(pingStatusFromInt(42)).toBe('unknown');
  });
});
