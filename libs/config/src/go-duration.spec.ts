import { parseGoDuration } from './go-duration';

describe('Go durations', () => {
  it.each([
    ['5s', 5_000],
    ['1m', 60_000],
    ['1h30m', 5_400_000],
    ['0.5s', 500],
    ['100ms', 100],
    ['24h', 86_400_000],
    ['2m3s', 123_000],
    ['1500us', 1.5],
    ['0', 0],
    ['-1m', -60_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });

  it.each(['5', '5 seconds', 's', '1d', '', '1h 30m'])('rejects %p', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});
