import type { K8sObject } from '../store/k8s-object';
import { humanDuration, includeObjectOf, podStatusReason, tableOf, wantsTable } from './table';

const pod = (status: Record<string, unknown>, metadata: Partial<K8sObject['metadata']> = {}): K8sObject => ({
  metadata: { name: 'p', namespace: 'n', creationTimestamp: '2026-01-01T00:00:00Z', ...metadata },
  spec: { containers: [{ name: 'a' }, { name: 'b' }], nodeName: 'node-1' },
  status,
});

describe('server-side tables', () => {
  it.each([
    [0, '0s'],
    [-500, '0s'],
    [-5_000, '<invalid>'],
    [119_000, '119s'],
    [120_000, '2m'],
    [183_000, '3m3s'],
    [47 * 60_000 + 5_000, '47m'],
    [179 * 60_000, '179m'],
    [3 * 3_600_000 + 12 * 60_000, '3h12m'],
    [5 * 3_600_000, '5h'],
    [30 * 3_600_000, '30h'],
    [(2 * 24 + 5) * 3_600_000, '2d5h'],
    [3 * 24 * 3_600_000, '3d'],
    [100 * 24 * 3_600_000, '100d'],
    [(365 * 3 + 20) * 24 * 3_600_000, '3y20d'],
    [365 * 9 * 24 * 3_600_000, '9y'],
  ])('prints an age of %i ms as %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('recognises the Accept header kubectl sends, and only a Table request', () => {
    expect(wantsTable('application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json')).toBe(true);
    expect(wantsTable('application/json; as=Table; v=v1beta1; g=meta.k8s.io')).toBe(true);
    expect(wantsTable('application/json')).toBe(false);
    expect(wantsTable('application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io')).toBe(false);
    expect(wantsTable(undefined)).toBe(false);
  });

  it("derives a pod's STATUS as kubectl does", () => {
    expect(podStatusReason(pod({ phase: 'Running', containerStatuses: [{ state: { running: {} } }] }))).toBe('Running');
    expect(
      podStatusReason(
        pod({
          phase: 'Pending',
          containerStatuses: [{ state: { waiting: { reason: 'ErrImagePull' } } }, { state: { waiting: { reason: 'ContainerCreating' } } }],
        }),
      ),
    ).toBe('ErrImagePull');
    expect(podStatusReason(pod({ phase: 'Running', containerStatuses: [{ state: { terminated: { reason: 'OOMKilled', exitCode: 137 } } }] }))).toBe(
      'OOMKilled',
    );
    expect(podStatusReason(pod({ phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 2 } } }] }))).toBe('ExitCode:2');
    expect(podStatusReason(pod({ phase: 'Pending' }))).toBe('Pending');
    expect(podStatusReason(pod({ phase: 'Running' }, { deletionTimestamp: '2026-01-01T00:01:00Z' }))).toBe('Terminating');
    expect(podStatusReason(pod({ phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: '2026-01-01T00:01:00Z' }))).toBe('Unknown');
  });

  it('builds pod rows with readiness, restarts, age and the wide columns', () => {
    const running = pod({
      phase: 'Running',
      podIP: '10.244.0.9',
      containerStatuses: [
        { ready: true, restartCount: 2 },
        { ready: false, restartCount: 1 },
      ],
    });
    const table = tableOf('pods', [running], { includeObject: 'Metadata', now: new Date('2026-01-01T00:05:30Z'), metadata: { resourceVersion: '7' } });
    expect(table).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '7' } });
    expect((table.columnDefinitions as { name: string; priority: number }[]).filter((c) => c.priority === 0).map((c) => c.name)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
    ]);
    expect(table.rows).toEqual([
      {
        cells: ['p', '1/2', 'Running', 3, '5m30s', '10.244.0.9', 'node-1', '<none>', '<none>'],
        object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: running.metadata },
      },
    ]);
  });

  it('carries the whole object, its metadata or nothing, as includeObject asks', () => {
    const object = pod({ phase: 'Running' });
    const rowOf = (include: string | null) =>
      (
        tableOf('pods', [object], { includeObject: includeObjectOf(new URLSearchParams(include ? { includeObject: include } : {})) }).rows as {
          object?: unknown;
        }[]
      )[0];
    expect(rowOf('Object').object).toBe(object);
    expect(rowOf('None')).not.toHaveProperty('object');
    expect(rowOf(null).object).toMatchObject({ kind: 'PartialObjectMetadata' });
    expect(rowOf('Metadata').object).toMatchObject({ kind: 'PartialObjectMetadata' });
  });

  it('refuses an includeObject value the API server does not know with a 400', () => {
    expect(() => includeObjectOf(new URLSearchParams('includeObject=All'))).toThrow(
      expect.objectContaining({ code: 400, message: 'unrecognized includeObject value: "All"' }),
    );
  });

  it('leaves the column definitions out when asked (watch events after the first)', () => {
    expect(tableOf('namespaces', [], { includeObject: 'None', withoutColumns: true }).columnDefinitions).toEqual([]);
    expect(tableOf('namespaces', [], { includeObject: 'None' }).columnDefinitions).toHaveLength(3);
  });
});
