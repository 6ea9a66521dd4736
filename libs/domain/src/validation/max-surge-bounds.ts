import { parseGoInt } from './field-rules';
import { INPUT_LIMITS } from './input-limits';

/**
 * This project's ceiling on a `maxSurge` that passed Maestro's rule: at most maxSurgeRooms rooms,
 * or at most maxSurgePercent%. Negative and `0%` values stay accepted, as in Maestro.
 */
export function isMaxSurgeWithinBounds(value: string): boolean {
  const percent = value.endsWith('%');
  const parsed = parseGoInt(percent ? value.slice(0, -1) : value);
  if (parsed === undefined) return true;
  return parsed <= (percent ? INPUT_LIMITS.maxSurgePercent : INPUT_LIMITS.maxSurgeRooms);
}
