import { parseMaxSurge } from './max-surge';

describe('parseMaxSurge (operations.md 9)', () => {
  it.each([
    ['3', 10, 3],
    ['25%', 10, 3],
    ['25%', 25, 7],
    ['10%', 5, 1],
    ['100%', 4, 4],
    ['0%', 10, 1],
    ['-5%', 10, 1],
    ['10%', 0, 1],
    ['0', 10, 1],
    ['abc', 10, 1],
    ['10abc', 10, 1],
    ['', 10, 1],
  ])('%j with %d desired rooms -> %d', (maxSurge, desired, expected) => {
    expect(parseMaxSurge(maxSurge, desired)).toBe(expected);
  });
});
