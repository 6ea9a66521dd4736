import { describe, expect, it } from 'vitest';
import { aScheduler } from '../testing/fixtures';
import { isMajorChange, nextVersion, parseSchedulerDocument } from './version-preview';

describe('version preview', () => {
  const active = aScheduler() as unknown as Record<string, unknown>;

  it('reads YAML and JSON, and refuses what is not a scheduler object', () => {
    expect(parseSchedulerDocument('roomsReplicas: 3')).toEqual({ roomsReplicas: 3 });
    expect(parseSchedulerDocument('{"roomsReplicas": 3}')).toEqual({ roomsReplicas: 3 });
    expect(() => parseSchedulerDocument('- a')).toThrow('scheduler object');
    expect(() => parseSchedulerDocument('a: [')).toThrow();
  });

  it('calls a change of replicas or max surge minor, and one of the spec, ports or labels major', () => {
    expect(isMajorChange(active, { roomsReplicas: 9, maxSurge: '50%' })).toBe(false);
    expect(isMajorChange(active, { ...active, spec: { ...(active.spec as object), version: 'v9.0.0' } })).toBe(false);
    expect(isMajorChange(active, { spec: { ...(active.spec as object), terminationGracePeriod: '5s' } })).toBe(true);
    expect(isMajorChange(active, { portRange: { start: 1, end: 2 } })).toBe(true);
    expect(isMajorChange(active, { labels: { team: 'a' } })).toBe(true);
  });

  it('names the version Maestro would give', () => {
    expect(nextVersion('v1.3.0', true)).toBe('v2.0.0');
    expect(nextVersion('v1.3.0', false)).toBe('v1.4.0');
  });
});
