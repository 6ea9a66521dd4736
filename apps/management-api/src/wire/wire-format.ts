/**
 * grpc-gateway JSON conventions of Maestro's API (management-api.md section 1.2):
 * durations as seconds with an `s` suffix, timestamps in RFC 3339 UTC, int64 as strings.
 */

const NS_PER_SECOND = 1_000_000_000n;
const DURATION_PATTERN = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/;

/** Parses a protobuf Duration string (`"100s"`, `"0.5s"`) into nanoseconds; undefined when malformed. */
export function parseDurationNs(value: string): number | undefined {
  const match = DURATION_PATTERN.exec(value);
  if (!match) return undefined;
  const [, minus, seconds, fraction = ''] = match;
  const ns = BigInt(seconds) * NS_PER_SECOND + BigInt(fraction.padEnd(9, '0'));
  return Number(minus ? -ns : ns);
}

/** Formats nanoseconds as a protobuf Duration string, with a fraction only when needed. */
export function formatDurationNs(ns: number): string {
  const total = BigInt(Math.trunc(ns));
  const sign = total < 0n ? '-' : '';
  const abs = total < 0n ? -total : total;
  const seconds = abs / NS_PER_SECOND;
  const fraction = (abs % NS_PER_SECOND).toString().padStart(9, '0').replace(/0+$/, '');
  return `${sign}${seconds}${fraction ? `.${fraction}` : ''}s`;
}

/** RFC 3339 in UTC with `Z`; the fraction is omitted when zero (JS dates carry milliseconds). */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 in UTC with whole seconds (lease expiries). */
export function formatTimestampSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
