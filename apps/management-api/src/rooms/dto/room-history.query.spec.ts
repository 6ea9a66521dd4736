import { InvalidArgumentError } from '@maestro/domain';
import { parseSince } from './room-history.query';

describe('parseSince', () => {
  it('reads seconds, minutes and hours, one hour by default', () => {
    expect(parseSince('90s')).toBe(90_000);
    expect(parseSince('30m')).toBe(1_800_000);
    expect(parseSince(undefined)).toBe(3_600_000);
    expect(parseSince('24h')).toBe(86_400_000);
  });

  it.each(['', '1d', '-1h', '1.5h', '0s', '25h', 'h'])('refuses %j', (since) => {
    expect(() => parseSince(since)).toThrow(InvalidArgumentError);
  });
});
