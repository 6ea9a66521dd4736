import { startKubeSim, type KubeSim } from './index';
import { aPod, call, readWatch } from './testing/kube-sim-client';
import { missingRequiredFields, type SchemaName } from './testing/openapi-required';
import { waitFor } from './testing/wait-for';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io, application/json';

/**
 * Every kind kube-sim serves, in every state the simulation produces, carries the fields the
 * Kubernetes OpenAPI schema marks required (what schema-validating clients, such as the official
 * Python client, insist on).
 */
describe('kube-sim answers carry every field the OpenAPI schema requires', () => {
  let sim: KubeSim;
  const ns = '/api/v1/namespaces/req';

  const get = async (path: string, accept?: string): Promise<any> => {
    const response = await fetch(`${sim.url}${path}`, { headers: accept ? { accept } : {} });
    return response.json();
  };
  const expectComplete = (type: SchemaName, value: unknown) => expect({ type, missing: missingRequiredFields(type, value) }).toEqual({ type, missing: [] });

  beforeAll(async () => {
    sim = await startKubeSim({
      port: 0,
      kubeconfigPath: `tmp/kube-sim-${process.pid}/required.yaml`,
      timing: { scheduleMs: 5, containerCreatingMs: 20, readyMs: 20 },
    });
    await call(sim.url, 'POST', '/api/v1/namespaces', { metadata: { name: 'req' } });
  });

  afterAll(() => sim.stop());

  it('nodes, ready and lost', async () => {
    expectComplete('NodeList', await get('/api/v1/nodes'));
    sim.faults.loseNode('kube-sim-node-2');
    const lost = await get('/api/v1/nodes/kube-sim-node-2');
    expect(lost.spec.taints).toEqual([expect.objectContaining({ key: 'node.kubernetes.io/unreachable' })]);
    expectComplete('Node', lost);
    sim.faults.reset();
  });

  it('pods in every state the simulation produces', async () => {
    sim.faults.failImagePull('broken:1');
    sim.faults.crashLoop('crashing:1');
    sim.faults.oomKill('hungry:1');
    const withImage = (name: string, image: string, extra: Record<string, unknown> = {}) =>
      aPod(name, { spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'c', image, ports: [{ containerPort: 80 }] }], ...extra } });
    for (const pod of [
      withImage('running', 'game:1'),
      withImage('pulling', 'broken:1'),
      withImage('crashing', 'crashing:1'),
      withImage('killed', 'hungry:1', { restartPolicy: 'Never' }),
      withImage('huge', 'game:1', { nodeSelector: { nowhere: 'true' } }),
      withImage('leaving', 'game:1'),
    ]) {
      expect((await call(sim.url, 'POST', `${ns}/pods`, pod)).status).toBe(201);
    }
    await waitFor(
      async () => {
        const pods = (await get(`${ns}/pods`)).items as {
          metadata: { name: string };
          status: { phase: string; containerStatuses?: { ready: boolean; state: Record<string, { reason?: string }> }[]; conditions?: { reason?: string }[] };
        }[];
        const byName = Object.fromEntries(pods.map((p) => [p.metadata.name, p.status]));
        return (
          byName.running?.containerStatuses?.[0]?.ready &&
          byName.leaving?.phase === 'Running' &&
          byName.pulling?.containerStatuses?.[0]?.state.waiting?.reason === 'ImagePullBackOff' &&
          byName.crashing?.containerStatuses?.[0]?.state.waiting?.reason === 'CrashLoopBackOff' &&
          byName.killed?.phase === 'Failed' &&
          byName.huge?.conditions?.[0]?.reason === 'Unschedulable'
        );
      },
      { description: 'pods running, pulling, crash-looping, OOM-killed and unschedulable' },
    );
    const terminating = await call(sim.url, 'DELETE', `${ns}/pods/leaving`);
    expect(terminating.body.metadata.deletionTimestamp).toEqual(expect.any(String));
    expectComplete('Pod', terminating.body);
    const list = await get(`${ns}/pods`);
    expect(list.items).toHaveLength(6);
    expectComplete('PodList', list);
    for (const name of ['running', 'pulling', 'crashing', 'killed', 'huge']) expectComplete('Pod', await get(`${ns}/pods/${name}`));
    sim.faults.reset();
  });

  it('namespaces, active and terminating', async () => {
    await call(sim.url, 'POST', '/api/v1/namespaces', { metadata: { name: 'req-doomed' } });
    await call(sim.url, 'POST', '/api/v1/namespaces/req-doomed/pods', aPod('p'));
    await waitFor(async () => (await get('/api/v1/namespaces/req-doomed/pods/p')).spec?.nodeName);
    expectComplete('Namespace', (await call(sim.url, 'DELETE', '/api/v1/namespaces/req-doomed')).body);
    expectComplete('NamespaceList', await get('/api/v1/namespaces'));
  });

  it('events, also one written without its involved object', async () => {
    const bare = await call(sim.url, 'POST', '/api/v1/namespaces/default/events', {
      metadata: { name: 'bare' },
      reason: 'Tested',
      message: 'no involved object',
    });
    expect(bare.status).toBe(201);
    expectComplete('Event', bare.body);
    const pod = { kind: 'Pod', apiVersion: 'v1', name: 'running', namespace: 'req' };
    await call(sim.url, 'POST', `${ns}/events`, {
      metadata: { generateName: 'running.' },
      involvedObject: pod,
      reason: 'GameRoomDeleted',
      type: 'Normal',
      count: 1,
    });
    expectComplete('EventList', await get('/api/v1/events'));
  });

  it('PodDisruptionBudgets, also one created with an empty status', async () => {
    const pdbs = '/apis/policy/v1/namespaces/req/poddisruptionbudgets';
    const created = await call(sim.url, 'POST', pdbs, {
      metadata: { name: 'req' },
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'test' } } },
      status: {},
    });
    expect(created.status).toBe(201);
    expectComplete('PodDisruptionBudget', created.body);
    expectComplete('PodDisruptionBudgetList', await get(pdbs));
  });

  it('Status answers, Tables, discovery documents and the version', async () => {
    expectComplete('Status', await get(`${ns}/pods/nope`));
    expectComplete(
      'Status',
      (await call(sim.url, 'POST', `${ns}/pods`, { metadata: { name: 'Bad_Name' }, spec: { containers: [{ name: 'c', image: 'x' }] } })).body,
    );
    expectComplete('Status', await get(`${ns}/pods?limit=many`));
    for (const path of [`${ns}/pods`, `${ns}/pods/running`, '/api/v1/nodes', '/api/v1/namespaces', '/api/v1/events', '/apis/policy/v1/poddisruptionbudgets']) {
      const table = await get(path, TABLE);
      expect(table.kind).toBe('Table');
      expectComplete('Table', table);
    }
    expectComplete('APIVersions', await get('/api'));
    expectComplete('APIGroupList', await get('/apis'));
    expectComplete('APIGroup', await get('/apis/policy'));
    expectComplete('APIResourceList', await get('/api/v1'));
    expectComplete('APIResourceList', await get('/apis/policy/v1'));
    expectComplete('VersionInfo', await get('/version'));
  });

  it('watch events, bookmarks and expiry errors', async () => {
    const events = await readWatch(sim.url, `${ns}/pods?watch=1&allowWatchBookmarks=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan`, (e) =>
      e.some((x) => x.type === 'BOOKMARK'),
    );
    expect(events.filter((e) => e.type === 'ADDED').length).toBeGreaterThan(0);
    for (const event of events) {
      expectComplete('WatchEvent', event);
      if (event.type !== 'BOOKMARK') expectComplete('Pod', event.object);
    }
    const nodes = await readWatch(sim.url, '/api/v1/watch/nodes', (e) => e.length === 3);
    for (const event of nodes) expectComplete('Node', event.object);
    sim.faults.compactHistory();
    const [expired] = await readWatch(sim.url, `${ns}/pods?watch=true&resourceVersion=1`, (e) => e.length > 0);
    expect(expired).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410 } });
    expectComplete('Status', expired.object);
  });
});
