import { PerRoomMemo } from './per-room-memo';

describe('PerRoomMemo', () => {
  it('keeps one value per room of each scheduler', () => {
    const memo = new PerRoomMemo<string>();
    memo.set('fleet', 'room-1', 'a');
    memo.set('fleet', 'room-1', 'b');
    memo.set('other', 'room-1', 'c');
    expect(memo.get('fleet', 'room-1')).toBe('b');
    expect(memo.get('other', 'room-1')).toBe('c');
    expect(memo.get('fleet', 'room-2')).toBeUndefined();
    expect(memo.get('nobody', 'room-1')).toBeUndefined();
  });

  it('forgets every room once it holds its capacity, counting a replaced value once', () => {
    const memo = new PerRoomMemo<number>(2);
    memo.set('fleet', 'r1', 1);
    memo.set('fleet', 'r1', 2);
    memo.set('fleet', 'r2', 3);
    expect([memo.get('fleet', 'r1'), memo.get('fleet', 'r2')]).toEqual([2, 3]);
    memo.set('other', 'r3', 4);
    expect([memo.get('fleet', 'r1'), memo.get('fleet', 'r2'), memo.get('other', 'r3')]).toEqual([undefined, undefined, 4]);
  });
});
