import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createColors } from 'picocolors';
import type { SchedulerJson } from '../api/wire-types';
import { diffFields, flatten, previewChange, renderPreview } from './change-preview';
import { durationNs } from './scheduler-json';

const example = (): SchedulerJson => JSON.parse(readFileSync(path.join(__dirname, '../../../../examples/fixed-fleet.json'), 'utf8'));
const plain = createColors(false);

/** The scheduler as GET /schedulers/{name} prints it after creating `file` (management-api.md 3.1). */
function asServed(file: SchedulerJson, version = 'v1.0.0'): SchedulerJson {
  return {
    ...file,
    state: 'in-sync',
    createdAt: '2026-01-02T10:00:00Z',
    spec: { ...file.spec, version, toleration: '', affinity: '', restartPolicy: 'Never' },
    forwarders: [],
    annotations: {},
    labels: {},
    matchAllocation: { maxMatches: 1 },
  };
}

describe('the preview of apply and diff', () => {
  it('announces the creation of a scheduler that does not exist', () => {
    const preview = previewChange(example(), undefined, []);
    expect(renderPreview(preview, plain)).toBe('scheduler fixed-fleet does not exist: it will be created (version v1.0.0, 3 rooms)\n');
  });

  it('finds no change between a file and the scheduler the API serves for it', () => {
    expect(previewChange(example(), asServed(example()), ['v1.0.0'])).toEqual({ kind: 'unchanged', name: 'fixed-fleet' });
  });

  it('calls a replicas change minor, with the next minor version', () => {
    const file = { ...example(), roomsReplicas: 5 };
    const preview = previewChange(file, asServed(example()), ['v1.0.0']);
    expect(renderPreview(preview, plain).split('\n')).toEqual([
      'scheduler fixed-fleet: 1 change',
      '  ~ roomsReplicas: 3 -> 5',
      'minor change: the rooms are kept (new version v1.1.0)',
      '',
    ]);
  });

  it('calls an image change major, with the next major version, listing added and removed fields', () => {
    const file = example();
    const container = file.spec!.containers![0];
    file.spec!.containers![0] = { ...container, image: 'maestro/room-simulator:2', command: ['./run'], environment: container.environment!.slice(0, 1) };
    const preview = previewChange(file, asServed(example(), 'v1.1.0'), ['v1.0.0', 'v1.1.0']);
    expect(renderPreview(preview, plain).split('\n')).toEqual([
      'scheduler fixed-fleet: 4 changes',
      '  ~ spec.containers[0].image: "maestro/room-simulator:1" -> "maestro/room-simulator:2"',
      '  - spec.containers[0].environment[1].name: "ROOM_PING_INTERVAL_MS"',
      '  - spec.containers[0].environment[1].value: "5000"',
      '  + spec.containers[0].command[0]: "./run"',
      'major change: the rooms are replaced (new version v2.0.0)',
      '',
    ]);
  });

  it('ignores what a new version never takes from the file: name, game, state, version', () => {
    const served = { ...asServed(example()), game: 'other', state: 'creating' };
    expect(previewChange(example(), served, ['v1.0.0']).kind).toBe('unchanged');
  });

  it('colours added, removed and changed lines on a terminal', () => {
    const preview = previewChange({ ...example(), roomsReplicas: 5 }, asServed(example()), ['v1.0.0']);
    expect(renderPreview(preview, createColors(true))).toContain('\x1b[33m  ~ roomsReplicas: 3 -> 5\x1b[39m');
  });
});

describe('flatten and diffFields', () => {
  it('names leaves by path, keeping empty maps as leaves and skipping empty lists and undefined', () => {
    expect([...flatten({ a: { b: [1, { c: 'x' }], d: [], e: {}, f: undefined } })]).toEqual([
      ['a.b[0]', '1'],
      ['a.b[1].c', '"x"'],
      ['a.e', '{}'],
    ]);
  });

  it('lists changed and removed fields first, then added ones', () => {
    expect(
      diffFields(
        new Map([
          ['a', '1'],
          ['b', '2'],
        ]),
        new Map([
          ['c', '3'],
          ['a', '9'],
        ]),
      ),
    ).toEqual([
      { path: 'a', before: '1', after: '9' },
      { path: 'b', before: '2', after: undefined },
      { path: 'c', after: '3' },
    ]);
  });
});

describe('durationNs', () => {
  it.each([
    ['5s', 5e9],
    ['0.5s', 5e8],
    ['0.000000015s', 15],
    [undefined, 0],
    ['5m', 0],
  ])('%s is %d ns', (text, ns) => {
    expect(durationNs(text)).toBe(ns);
  });
});
