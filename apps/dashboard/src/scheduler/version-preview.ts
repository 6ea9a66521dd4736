import { parse } from 'yaml';

/** The fields of a scheduler whose change needs new rooms (Maestro's major change), on the wire. */
const MAJOR_FIELDS = ['portRange', 'forwarders', 'annotations', 'labels'] as const;

type Json = Record<string, unknown>;

/** Reads a pasted scheduler, YAML or JSON (JSON is YAML); throws with the parser's message. */
export function parseSchedulerDocument(text: string): Json {
  const value: unknown = parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('The document must be a scheduler object.');
  return value as Json;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Json).sort(([a], [b]) => a.localeCompare(b))) : v,
  ) ?? 'null';

const specWithoutVersion = (s: Json): Json => {
  const { version: _version, ...rest } = (s.spec ?? {}) as Json;
  return rest;
};

/**
 * Whether `candidate` would make a major version of `active`: a change of the spec (containers,
 * termination grace period, tolerations, affinity), port range, forwarders, annotations or labels.
 * An estimate on the wire JSON, shown before sending: the operation decides (it also leaves out
 * unchanged container ports, which this comparison counts).
 */
export function isMajorChange(active: Json, candidate: Json): boolean {
  if (canonical(specWithoutVersion(active)) !== canonical(specWithoutVersion({ ...active, ...candidate }))) return true;
  return MAJOR_FIELDS.some((field) => field in candidate && canonical(candidate[field]) !== canonical(active[field]));
}

/** The version the change would get: v2.0.0 after v1.3.0 for a major one, v1.4.0 for a minor one. */
export function nextVersion(current: string, major: boolean): string {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(current);
  if (!match) return major ? 'a new major version' : 'a new minor version';
  const [x, y] = [Number(match[1]), Number(match[2])];
  return major ? `v${x + 1}.0.0` : `v${x}.${y + 1}.0`;
}
