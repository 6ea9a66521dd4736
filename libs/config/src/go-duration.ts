/** Milliseconds per unit of Go's time.ParseDuration (`µs` is U+00B5, `μs` U+03BC; Go takes both). */
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
};

const NUMBER = '(?:\\d+(?:\\.\\d*)?|\\.\\d+)';
const UNIT = '(?:ns|us|µs|μs|ms|s|m|h)';
const DURATION = new RegExp(`^([-+]?)((?:${NUMBER}${UNIT})+)$`);
const PART = new RegExp(`(${NUMBER})(${UNIT})`, 'g');

/**
 * Parses a Go duration (`1h30m`, `5s`, `0.5s`, `100ms`, `2m`, `-1m`, `0`) into milliseconds, as
 * Go's time.ParseDuration does (a unit on every number, except the lone `0`); undefined when the
 * text is not a duration (`5`, `5 seconds`, `1d`, `1h 30m`).
 */
export function parseGoDuration(text: string): number | undefined {
  const value = text.trim();
  if (/^[-+]?0$/.test(value)) return 0;
  const match = DURATION.exec(value);
  if (!match) return undefined;
  let total = 0;
  for (const [, amount, unit] of match[2].matchAll(PART)) total += Number(amount) * UNIT_MS[unit];
  return match[1] === '-' ? -total : total;
}
