/** Keys whose values are free-form maps: their own keys are data, never renamed. */
const MAP_FIELDS = new Set(['annotations', 'labels', 'metadata']);

const toCamel = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Whether a value holds a snake_case key outside free-form maps. Most bodies (every ping) hold none
 * and pass through untouched: this walk allocates only key lists, where renaming copies every object.
 */
function hasSnakeKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasSnakeKeys);
  if (value === null || typeof value !== 'object') return false;
  for (const key of Object.keys(value)) {
    if (key.includes('_')) return true;
    if (!MAP_FIELDS.has(key) && hasSnakeKeys((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** Renames proto snake_case keys to lowerCamelCase, leaving map contents alone; a value without any is answered as is. */
export function normalizeProtoJsonKeys(value: unknown): unknown {
  return hasSnakeKeys(value) ? renamed(value) : value;
}

function renamed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renamed);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const camel = toCamel(key);
    // The lowerCamelCase spelling wins when a body carries both.
    if (camel !== key && camel in (value as Record<string, unknown>)) continue;
    result[camel] = MAP_FIELDS.has(camel) ? inner : renamed(inner);
  }
  return result;
}
