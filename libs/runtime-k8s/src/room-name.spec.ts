import { gameRoomName, NAME_SUFFIX_ALPHABET } from './room-name';

describe('room names (runtime-kubernetes.md 3.1)', () => {
  it('is the scheduler name, a dash and five suffix characters', () => {
    expect(gameRoomName('my-game')).toMatch(/^my-game-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('truncates the scheduler name to 58 characters', () => {
    const name = gameRoomName('a'.repeat(70));
    expect(name).toMatch(/^a{58}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(name).toHaveLength(64);
    expect(gameRoomName('b'.repeat(58))).toHaveLength(64);
  });

  it('draws each character from the alphabet', () => {
    const draws = [0, 1, 2, 25, 26];
    expect(gameRoomName('s', () => draws.shift()!)).toBe('s-bcd89');
    expect(NAME_SUFFIX_ALPHABET).toHaveLength(27);
  });

  it('gives different names', () => {
    expect(new Set(Array.from({ length: 50 }, () => gameRoomName('s'))).size).toBeGreaterThan(45);
  });
});
