import { parseGoInt } from '../validation/field-rules';

/** Rooms added when a surge cannot be computed (config.md: max surge fallback). */
export const MAX_SURGE_FALLBACK = 1;

/**
 * Rooms a rolling update may add above `desired` (operations.md 9): `N%` -> ceil(N / 100 x desired),
 * `N` -> N; a parse error or a result <= 0 gives 1.
 */
export function parseMaxSurge(maxSurge: string, desired: number): number {
  const percent = maxSurge.endsWith('%');
  const value = parseGoInt(percent ? maxSurge.slice(0, -1) : maxSurge);
  if (value === undefined) return MAX_SURGE_FALLBACK;
  const amount = percent ? Math.ceil((value / 100) * desired) : value;
  return amount > 0 ? amount : MAX_SURGE_FALLBACK;
}
