/** Keys whose values are free-form maps: their own keys are data, never renamed. */
const MAP_FIELDS = new Set(['annotations', 'labels', 'metadata']);

const toCamel = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Renames proto snake_case keys to lowerCamelCase, leaving map contents alone. */
export function normalizeProtoJsonKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeProtoJsonKeys);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const camel = toCamel(key);
    // The lowerCamelCase spelling wins when a body carries both.
    if (camel !== key && camel in (value as Record<string, unknown>)) continue;
    result[camel] = MAP_FIELDS.has(camel) ? inner : normalizeProtoJsonKeys(inner);
  }
  return result;
}
