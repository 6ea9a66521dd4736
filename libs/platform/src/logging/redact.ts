/** What replaces a secret in a log line. */
export const CENSOR = '[redacted]';

/** Keys whose value is a secret, at any depth: `password`, `authorization`, `*token`, `*secret`... */
const SECRET_KEY = /(password|passwd|authorization|secret|token|secrethash|apikey|api_key)$/i;
/** Deeper than this, a value is cut: a log line is not a data dump. */
const MAX_DEPTH = 10;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/**
 * A copy of a log line's fields with every secret censored at every depth: the value of a secret
 * key, and the `value` of a `{name, value}` pair (an environment variable) whose name is a secret's.
 * Arrays and plain objects are walked; anything else is kept as it is.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return depth >= MAX_DEPTH ? '[too deep]' : value.map((item) => redactSecrets(item, depth + 1));
  if (!isPlainObject(value)) return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  const namedSecret = typeof value.name === 'string' && SECRET_KEY.test(value.name) && 'value' in value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) || (namedSecret && key === 'value') ? CENSOR : redactSecrets(field, depth + 1);
  }
  return copy;
}
