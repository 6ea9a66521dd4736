import { InvalidArgumentError } from '../errors/domain-error';

/** A parsed scheduler version; pre-release and build parts are dropped. */
export interface SemanticVersion {
  prefix: '' | 'v';
  major: number;
  minor: number;
  patch: number;
}

const PATTERN = /^(v?)(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/;

/** Lenient semver: `v1.1` is 1.1.0; the `v` prefix is kept for printing. */
export function parseVersion(text: string): SemanticVersion {
  const match = PATTERN.exec(text.trim());
  if (!match) throw new InvalidArgumentError(`failed to parse scheduler version ${text}`);
  return { prefix: match[1] as '' | 'v', major: Number(match[2]), minor: Number(match[3] ?? 0), patch: Number(match[4] ?? 0) };
}

/** `v1.2.0` (or `1.2.0` for a version parsed without prefix). */
export const formatVersion = (v: SemanticVersion): string => `${v.prefix}${v.major}.${v.minor}.${v.patch}`;

/**
 * The version a new configuration gets (storage.md 3.1): a major change takes the highest major
 * of all versions + 1; a minor change takes the highest minor among versions with the active
 * major + 1. The prefix of the bumped version is kept.
 */
export function nextVersion(active: string, existing: readonly string[], major: boolean): string {
  const current = parseVersion(active);
  const all = [current, ...existing.map(parseVersion)];
  if (major) {
    const highest = all.reduce((top, v) => (v.major > top.major ? v : top), current);
    return formatVersion({ prefix: highest.prefix, major: highest.major + 1, minor: 0, patch: 0 });
  }
  const sameMajor = all.filter((v) => v.major === current.major);
  const highest = sameMajor.reduce((top, v) => (v.minor > top.minor ? v : top), current);
  return formatVersion({ prefix: highest.prefix, major: current.major, minor: highest.minor + 1, patch: 0 });
}
