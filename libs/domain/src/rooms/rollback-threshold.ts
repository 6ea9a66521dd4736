import { parseGoInt } from '../validation/field-rules';

/**
 * The rollback threshold of a scheduler that sets none: a fifth of the fleet. A rolling update
 * replaces rooms a surge at a time (25 % by default), so a new version whose rooms all fail is
 * stopped within its first batch, while one room lost to a node in a large fleet is not enough.
 */
export const DEFAULT_ROLLBACK_THRESHOLD = '20%';

/** The largest `N` of an `N` threshold (as many rooms as a `maxSurge` may add). */
export const MAX_ROLLBACK_THRESHOLD_ROOMS = 1000;

/** Whether `value` is `N` (0 to 1000 rooms, 0 = never abort) or `N%` (1 to 100 % of the fleet). */
export function isValidRollbackThreshold(value: string): boolean {
  if (!/^\d+%?$/.test(value)) return false;
  const percent = value.endsWith('%');
  const n = parseGoInt(percent ? value.slice(0, -1) : value);
  if (n === undefined) return false;
  return percent ? n >= 1 && n <= 100 : n <= MAX_ROLLBACK_THRESHOLD_ROOMS;
}

/**
 * Failed rooms of a new major version that abort its rolling update: `N` -> N, `N%` -> ceil(N % of
 * `fleetSize`), at least 1; undefined for `0` (never abort). An unset or unreadable threshold is the
 * default's.
 */
export function rollbackThresholdRooms(threshold: string | undefined, fleetSize: number): number | undefined {
  const value = threshold && isValidRollbackThreshold(threshold) ? threshold : DEFAULT_ROLLBACK_THRESHOLD;
  const percent = value.endsWith('%');
  const n = Number(percent ? value.slice(0, -1) : value);
  if (!percent) return n === 0 ? undefined : n;
  return Math.max(1, Math.ceil((n / 100) * fleetSize));
}
