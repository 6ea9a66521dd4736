/**
 * Formats a decoded JSON value the way Go's `%v` prints it (events-forwarding.md 5): strings as
 * is, numbers in shortest form with exponents below 1e-4 and from 1e6, `map[k:v]`, `[a b]`, `<nil>`.
 */
export function formatGoValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatGoFloat(value);
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, v]) => `${k}:${formatGoValue(v)}`).join(' ')}]`;
  }
  return String(value);
}

function formatGoFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  if (n === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(n)));
  if (exponent < -4 || exponent >= 6) {
    const [mantissa, exp] = n.toExponential().split('e');
    const sign = exp.startsWith('-') ? '-' : '+';
    const digits = exp.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(n);
}

/** A string map of any JSON object (values formatted as Go does). */
export function toStringMap(value: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(value ?? {}).map(([k, v]) => [k, formatGoValue(v)]));
}

/** Keys of `b` overwrite keys of `a`. */
export const mergeStringMaps = (a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): Record<string, string> => ({
  ...toStringMap(a),
  ...toStringMap(b),
});
