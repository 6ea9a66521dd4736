import { waitFor } from './testing/wait-for';
import { startKubeSim, type KubeSim } from './index';
import { aPod, call, readWatch } from './testing/kube-sim-client';

describe('kube-sim API conformance', () => {
  let sim: KubeSim;
  const ns = '/api/v1/namespaces/conf';

  beforeAll(async () => {
    sim = await startKubeSim({
      port: 0,
      kubeconfigPath: `tmp/kube-sim-${process.pid}/conformance.yaml`,
      timing: { scheduleMs: 5, containerCreatingMs: 20, readyMs: 20 },
    });
    expect((await call(sim.url, 'POST', '/api/v1/namespaces', { metadata: { name: 'conf' } })).status).toBe(201);
  });

  afterAll(() => sim.stop());

  it('serves discovery', async () => {
    expect((await call(sim.url, 'GET', '/version')).body).toMatchObject({ major: '1', minor: '32' });
    expect((await call(sim.url, 'GET', '/api')).body.versions).toEqual(['v1']);
    const v1 = (await call(sim.url, 'GET', '/api/v1')).body;
    expect(v1.resources.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['pods', 'namespaces', 'nodes', 'events']));
    expect((await call(sim.url, 'GET', '/apis/policy/v1')).body.resources[0].name).toBe('poddisruptionbudgets');
  });

  it('answers NotFound, AlreadyExists, Conflict and Invalid with Status objects', async () => {
    const missing = await call(sim.url, 'GET', `${ns}/pods/nope`);
    expect(missing).toEqual({
      status: 404,
      body: expect.objectContaining({ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: 'pods "nope" not found' }),
    });
    await call(sim.url, 'POST', `${ns}/pods`, aPod('dup'));
    const duplicate = await call(sim.url, 'POST', `${ns}/pods`, aPod('dup'));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ reason: 'AlreadyExists', code: 409 });
    const stale = await call(sim.url, 'PUT', `${ns}/pods/dup`, { ...aPod('dup'), metadata: { name: 'dup', resourceVersion: '1' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ reason: 'Conflict', code: 409 });
    const invalid = await call(sim.url, 'POST', `${ns}/pods`, { metadata: { name: 'bad' }, spec: { containers: [] } });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ reason: 'Invalid', details: { causes: [expect.objectContaining({ field: 'spec.containers' })] } });
    const noNamespace = await call(sim.url, 'POST', '/api/v1/namespaces/ghost/pods', aPod('x'));
    expect(noNamespace.body).toMatchObject({ code: 404, message: 'namespaces "ghost" not found' });
  });

  it('lists with label and field selectors and a resourceVersion', async () => {
    await call(sim.url, 'POST', `${ns}/pods`, aPod('labelled', { metadata: { name: 'labelled', labels: { heritage: 'maestro' } } }));
    const list = await call(sim.url, 'GET', `${ns}/pods?labelSelector=heritage%3Dmaestro`);
    expect(list.body.items.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual(['labelled']);
    expect(Number(list.body.metadata.resourceVersion)).toBeGreaterThan(1);
    const byName = await call(sim.url, 'GET', `${ns}/pods?fieldSelector=metadata.name%3Ddup`);
    expect(byName.body.items).toHaveLength(1);
  });

  it('runs pods to Running and Ready with host and pod IPs', async () => {
    await call(sim.url, 'POST', `${ns}/pods`, aPod('runner'));
    const pod = await waitFor(async () => {
      const p = (await call(sim.url, 'GET', `${ns}/pods/runner`)).body;
      return p.status.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True') && p;
    });
    expect(pod.status).toMatchObject({ phase: 'Running', hostIP: expect.stringMatching(/^10\.0\.0\./), podIP: expect.any(String) });
    expect(pod.spec.nodeName).toMatch(/^kube-sim-node-/);
  });

  it('streams watch events in order and resumes from a resourceVersion', async () => {
    const list = await call(sim.url, 'GET', `${ns}/pods`);
    const from = list.body.metadata.resourceVersion;
    const watching = readWatch(sim.url, `${ns}/pods?watch=true&resourceVersion=${from}&fieldSelector=metadata.name%3Dwatched`, (events) =>
      events.some((e) => e.type === 'DELETED'),
    );
    await call(sim.url, 'POST', `${ns}/pods`, aPod('watched'));
    await waitFor(async () => (await call(sim.url, 'GET', `${ns}/pods/watched`)).body.status.phase === 'Running');
    await call(sim.url, 'DELETE', `${ns}/pods/watched`, { gracePeriodSeconds: 0 });
    const events = await watching;
    expect(events[0].type).toBe('ADDED');
    expect(events.at(-1)?.type).toBe('DELETED');
    expect(events.slice(1, -1).every((e) => e.type === 'MODIFIED')).toBe(true);
    const versions = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const replay = await readWatch(sim.url, `${ns}/pods?watch=1&resourceVersion=${from}&fieldSelector=metadata.name%3Dwatched`, (e) =>
      e.some((x) => x.type === 'DELETED'),
    );
    expect(replay.map((e) => e.type)).toEqual(events.map((e) => e.type));
  });

  it('answers 410 Gone for a resourceVersion older than the history', async () => {
    const from = (await call(sim.url, 'GET', `${ns}/pods`)).body.metadata.resourceVersion;
    await call(sim.url, 'POST', `${ns}/pods`, aPod('after-compaction'));
    sim.faults.compactHistory();
    const events = await readWatch(sim.url, `${ns}/pods?watch=true&resourceVersion=${from}`, (e) => e.length > 0);
    expect(events[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
  });

  it('sends bookmarks when asked', async () => {
    const short = await startKubeSim({ port: 0, kubeconfigPath: `tmp/kube-sim-${process.pid}/bookmarks.yaml`, bookmarkIntervalMs: 50 });
    try {
      const events = await readWatch(short.url, '/api/v1/namespaces/default/pods?watch=true&allowWatchBookmarks=true', (e) =>
        e.some((x) => x.type === 'BOOKMARK'),
      );
      expect(events.find((e) => e.type === 'BOOKMARK')?.object.metadata.resourceVersion).toMatch(/^\d+$/);
    } finally {
      await short.stop();
    }
  });

  it('deletes gracefully: deletionTimestamp first, gone after the grace period', async () => {
    await call(sim.url, 'POST', `${ns}/pods`, aPod('graceful', { spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'nginx' }] } }));
    await waitFor(async () => (await call(sim.url, 'GET', `${ns}/pods/graceful`)).body.status.phase === 'Running');
    const started = Date.now();
    const deleted = await call(sim.url, 'DELETE', `${ns}/pods/graceful`);
    expect(deleted.body.metadata).toMatchObject({ deletionTimestamp: expect.any(String), deletionGracePeriodSeconds: 1 });
    expect((await call(sim.url, 'GET', `${ns}/pods/graceful`)).status).toBe(200);
    await waitFor(async () => (await call(sim.url, 'GET', `${ns}/pods/graceful`)).status === 404, { timeoutMs: 5_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('leaves pods that do not fit Pending and Unschedulable', async () => {
    const huge = aPod('huge', { spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '64' } } }] } });
    await call(sim.url, 'POST', `${ns}/pods`, huge);
    const tainted = aPod('tainted', {
      spec: {
        containers: [{ name: 'c', image: 'nginx' }],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'dedicated', operator: 'In', values: ['true'] }] }],
            },
          },
        },
      },
    });
    await call(sim.url, 'POST', `${ns}/pods`, tainted);
    for (const name of ['huge', 'tainted']) {
      const pod = await waitFor(async () => {
        const p = (await call(sim.url, 'GET', `${ns}/pods/${name}`)).body;
        return p.status.conditions?.[0]?.reason === 'Unschedulable' && p;
      });
      expect(pod.status.phase).toBe('Pending');
      expect(pod.spec.nodeName).toBeUndefined();
    }
    expect((await call(sim.url, 'GET', `${ns}/pods/huge`)).body.status.conditions[0].message).toContain('Insufficient cpu');
  });

  it('terminates a namespace: its pods go first, then the namespace', async () => {
    await call(sim.url, 'POST', '/api/v1/namespaces', { metadata: { name: 'doomed' } });
    await call(sim.url, 'POST', '/api/v1/namespaces/doomed/pods', aPod('p'));
    await waitFor(async () => (await call(sim.url, 'GET', '/api/v1/namespaces/doomed/pods/p')).body.spec?.nodeName);
    const deleted = await call(sim.url, 'DELETE', '/api/v1/namespaces/doomed');
    expect(deleted.body.status.phase).toBe('Terminating');
    expect((await call(sim.url, 'POST', '/api/v1/namespaces/doomed/pods', aPod('late'))).status).toBe(403);
    await waitFor(async () => (await call(sim.url, 'GET', '/api/v1/namespaces/doomed')).status === 404, { timeoutMs: 5_000 });
    expect((await call(sim.url, 'GET', '/api/v1/namespaces/doomed/pods')).body.items).toEqual([]);
  });

  it('patches metadata with merge and JSON patches', async () => {
    const merged = await call(sim.url, 'PATCH', `${ns}/pods/dup`, { metadata: { labels: { extra: 'yes' } } }, 'application/merge-patch+json');
    expect(merged.body.metadata.labels).toEqual({ app: 'test', extra: 'yes' });
    const patched = await call(sim.url, 'PATCH', `${ns}/pods/dup`, [{ op: 'remove', path: '/metadata/labels/extra' }], 'application/json-patch+json');
    expect(patched.body.metadata.labels).toEqual({ app: 'test' });
  });

  it("refuses wrong verbs, mismatched namespaces and invalid names with the API server's codes", async () => {
    expect((await call(sim.url, 'POST', `${ns}/pods/named`, aPod('named'))).body).toMatchObject({ code: 405, reason: 'MethodNotAllowed' });
    const elsewhere = await call(sim.url, 'POST', `${ns}/pods`, aPod('moved', { metadata: { name: 'moved', namespace: 'other' } }));
    expect(elsewhere.body).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'the namespace of the provided object does not match the namespace sent on the request',
    });
    const badName = await call(sim.url, 'POST', `${ns}/pods`, aPod('Bad_Name'));
    expect(badName.body).toMatchObject({
      code: 422,
      reason: 'Invalid',
      details: { name: 'Bad_Name', kind: 'Pod', causes: [{ reason: 'FieldValueInvalid', field: 'metadata.name' }] },
    });
    const generated = await call(sim.url, 'POST', `${ns}/pods`, aPod('', { metadata: { generateName: 'room-' } }));
    expect(generated.body.metadata.name).toMatch(/^room-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(generated.body.metadata).toMatchObject({ uid: expect.stringMatching(/^[0-9a-f-]{36}$/), creationTimestamp: expect.stringMatching(/Z$/) });
  });

  it('serves policy/v1 PodDisruptionBudgets with optimistic concurrency', async () => {
    const pdbs = '/apis/policy/v1/namespaces/conf/poddisruptionbudgets';
    const body = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'conf' },
      spec: { minAvailable: 0, selector: { matchLabels: { 'maestro-scheduler': 'conf' } } },
    };
    const created = (await call(sim.url, 'POST', pdbs, body)).body;
    expect(created).toMatchObject({ kind: 'PodDisruptionBudget', apiVersion: 'policy/v1', spec: body.spec });
    const stale = await call(sim.url, 'PUT', `${pdbs}/conf`, {
      ...created,
      metadata: { ...created.metadata, resourceVersion: '1' },
      spec: { ...created.spec, minAvailable: 5 },
    });
    expect(stale.body).toMatchObject({ code: 409, reason: 'Conflict', details: { name: 'conf', group: 'policy', kind: 'poddisruptionbudgets' } });
    const updated = await call(sim.url, 'PUT', `${pdbs}/conf`, { ...created, spec: { ...created.spec, minAvailable: 5 } });
    expect(updated.body).toMatchObject({ spec: { minAvailable: 5 }, metadata: { generation: 2, uid: created.metadata.uid } });
    const deleted = await call(sim.url, 'DELETE', `${pdbs}/conf`);
    expect(deleted.body).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'conf', group: 'policy', kind: 'poddisruptionbudgets' } });
    expect((await call(sim.url, 'GET', `${pdbs}/conf`)).body).toMatchObject({ code: 404, message: 'poddisruptionbudgets.policy "conf" not found' });
  });

  it('applies strategic merge patches and checks delete preconditions', async () => {
    const patched = await call(sim.url, 'PATCH', `${ns}/pods/dup`, { metadata: { annotations: { note: 'x' } } }, 'application/strategic-merge-patch+json');
    expect(patched.body.metadata.annotations).toEqual({ note: 'x' });
    const precondition = await call(sim.url, 'DELETE', `${ns}/pods/dup`, { preconditions: { uid: 'not-this-one' } });
    expect(precondition.body).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: expect.stringContaining('Precondition failed: UID in precondition: not-this-one'),
    });
  });

  it('tells a selector watch that an object stopped matching with a DELETED event', async () => {
    await call(sim.url, 'POST', `${ns}/pods`, aPod('relabelled', { metadata: { name: 'relabelled', labels: { heritage: 'maestro' } } }));
    const from = (await call(sim.url, 'GET', `${ns}/pods`)).body.metadata.resourceVersion;
    const watching = readWatch(sim.url, `${ns}/pods?watch=true&resourceVersion=${from}&labelSelector=heritage%3Dmaestro`, (e) =>
      e.some((x) => x.type === 'DELETED'),
    );
    await call(sim.url, 'PATCH', `${ns}/pods/relabelled`, { metadata: { labels: { heritage: 'someone-else' } } }, 'application/merge-patch+json');
    const events = await watching;
    expect(events.at(-1)).toMatchObject({ type: 'DELETED', object: { metadata: { name: 'relabelled', labels: { heritage: 'someone-else' } } } });
  });
});
