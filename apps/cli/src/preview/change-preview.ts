import type { Scheduler } from '@maestro/domain';
import { domain } from '../lazy';
import type { SchedulerJson } from '../api/wire-types';
import type { Colors } from '../output/colors';
import { toDomainScheduler } from './scheduler-json';

/** One field that differs: its path, its value before (absent when added) and after (absent when removed). */
export interface FieldChange {
  path: string;
  before?: string;
  after?: string;
}

/** What `apply` would do with a scheduler file. */
export type Preview =
  | { kind: 'create'; name: string; version: string; rooms: number }
  | { kind: 'unchanged'; name: string }
  | { kind: 'update'; name: string; changes: FieldChange[]; major: boolean; version: string };

/** Fields no new version takes from the file (management-api.md 4.5) or that are not configuration. */
const NOT_COMPARED = new Set(['name', 'game', 'state', 'rollbackVersion', 'createdAt', 'lastDownscaleAt', 'spec.version']);

/**
 * Compares the desired scheduler with the current one (undefined when it does not exist); whether
 * the change is major comes from the domain's rule, the next version from its numbering.
 */
export function previewChange(desired: SchedulerJson, current: SchedulerJson | undefined, versions: string[]): Preview {
  const { FIRST_VERSION, isMajorChange, nextVersion } = domain();
  const name = desired.name ?? '';
  const next = toDomainScheduler(desired);
  if (!current) return { kind: 'create', name, version: FIRST_VERSION, rooms: next.roomsReplicas };
  const active = toDomainScheduler(current);
  const changes = diffFields(flatten(comparable(active)), flatten(comparable(next)));
  if (changes.length === 0) return { kind: 'unchanged', name };
  const major = isMajorChange(active, next);
  return { kind: 'update', name, changes, major, version: nextVersion(current.spec?.version ?? FIRST_VERSION, versions, major) };
}

/** The preview as printed by `apply` and `diff`. */
export function renderPreview(preview: Preview, c: Colors): string {
  switch (preview.kind) {
    case 'create':
      return `scheduler ${preview.name} does not exist: it will be created (version ${preview.version}, ${preview.rooms} rooms)\n`;
    case 'unchanged':
      return `scheduler ${preview.name} unchanged\n`;
    case 'update': {
      const lines = preview.changes.map((change) => {
        if (change.before === undefined) return c.green(`  + ${change.path}: ${change.after}`);
        if (change.after === undefined) return c.red(`  - ${change.path}: ${change.before}`);
        return c.yellow(`  ~ ${change.path}: ${change.before} -> ${change.after}`);
      });
      const kind = preview.major
        ? c.bold(`major change: the rooms are replaced (new version ${preview.version})`)
        : `minor change: the rooms are kept (new version ${preview.version})`;
      const count = preview.changes.length === 1 ? '1 change' : `${preview.changes.length} changes`;
      return `scheduler ${preview.name}: ${count}\n${lines.join('\n')}\n${kind}\n`;
    }
  }
}

function comparable(s: Scheduler): Record<string, unknown> {
  return { ...s, spec: { ...s.spec, terminationGracePeriod: `${s.spec.terminationGracePeriodNs / 1e9}s`, terminationGracePeriodNs: undefined } };
}

/**
 * Leaves of a JSON-like value by path (`spec.containers[0].image`), printed as JSON. An empty list
 * is no leaf (the API does not tell it from an absent one); an empty map is one.
 */
export function flatten(value: unknown, path = '', into = new Map<string, string>()): Map<string, string> {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return into;
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, `${path}[${i}]`, into));
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) {
      const child = path ? `${path}.${key}` : key;
      if (!NOT_COMPARED.has(child)) flatten(item, child, into);
    }
  } else if (path) {
    into.set(path, JSON.stringify(value));
  }
  return into;
}

/** Changed, removed and added leaves, in the order of the current then the desired fields. */
export function diffFields(before: Map<string, string>, after: Map<string, string>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [path, value] of before) {
    const next = after.get(path);
    if (next !== value) changes.push({ path, before: value, after: next });
  }
  for (const [path, value] of after) if (!before.has(path)) changes.push({ path, after: value });
  return changes;
}
