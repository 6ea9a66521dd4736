import { InvalidArgumentError } from '@maestro/domain';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;
/** The longest period asked for: the samples' retention window. */
export const MAX_HISTORY_MS = 24 * UNIT_MS.h;

/** The period of `?since=` (`90s`, `30m`, `1h`; default 1h, at most 24h) in milliseconds. */
export function parseSince(since: string | undefined): number {
  const match = /^(\d{1,6})([smh])$/.exec(since ?? '1h');
  if (!match) throw new InvalidArgumentError('since must be a duration such as 90s, 30m or 1h');
  const periodMs = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (periodMs < 1 || periodMs > MAX_HISTORY_MS) throw new InvalidArgumentError('since must be between 1s and 24h');
  return periodMs;
}
