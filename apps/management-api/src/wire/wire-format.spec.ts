import { formatDurationNs, formatTimestamp, parseDurationNs } from './wire-format';

describe('protobuf JSON durations', () => {
  it.each([
    ['100s', 100_000_000_000],
    ['0.5s', 500_000_000],
    ['0.000000015s', 15],
    ['1.25s', 1_250_000_000],
  ])('parses %s', (text, ns) => {
    expect(parseDurationNs(text)).toBe(ns);
    expect(formatDurationNs(ns)).toBe(text);
  });

  it.each(['100', '10m', 's', '1.0000000001s', ''])('rejects %p', (text) => {
    expect(parseDurationNs(text)).toBeUndefined();
  });
});

describe('protobuf JSON timestamps', () => {
  it('omits a zero fraction and keeps milliseconds', () => {
    expect(formatTimestamp(new Date('2020-01-01T00:00:00Z'))).toBe('2020-01-01T00:00:00Z');
    expect(formatTimestamp(new Date('2020-01-01T00:00:00.001Z'))).toBe('2020-01-01T00:00:00.001Z');
    expect(formatTimestamp(new Date('0001-01-01T00:00:00Z'))).toBe('0001-01-01T00:00:00Z');
  });
});
