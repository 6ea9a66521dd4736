import { parseGoDuration } from './go-duration';

describe('Go durations', () => {
  it.each([
    ['5s', 5_000],
    ['1m', 60_000],
    ['2m', 120_000],
    ['1h30m', 5_400_000],
    ['0.5s', 500],
    ['.5s', 500],
    ['1.5h', 5_400_000],
    ['100ms', 100],
    ['24h', 86_400_000],
    ['2m3s', 123_000],
    ['1h0m0s', 3_600_000],
    ['1500us', 1.5],
    ['1500µs', 1.5],
    ['1500μs', 1.5],
    ['2000000ns', 2],
    ['0', 0],
    ['+5s', 5_000],
    ['-1m', -60_000],
    [' 30s ', 30_000],
  ])('reads %p as %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });

  it.each(['5', '5 seconds', 's', '1d', '', '1h 30m', '1H', '1.s.', '--1s', 'ms', '5sec', '1e3s'])('rejects %p', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});
