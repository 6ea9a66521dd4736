import { startKubeSim, type KubeSim } from './index';
import { aPod, call, readWatch } from './testing/kube-sim-client';
import { waitFor } from './testing/wait-for';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io, application/json';

/** Query parameters and options, read and checked as the API server reads and checks them. */
describe('kube-sim request parameters', () => {
  let sim: KubeSim;
  const ns = '/api/v1/namespaces/params';
  const pdbs = '/apis/policy/v1/namespaces/params/poddisruptionbudgets';

  const raw = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${sim.url}${path}`, { headers, signal: AbortSignal.timeout(3_000) });
    return { status: response.status, text: await response.text() };
  };
  const running = (name: string) =>
    waitFor(async () => (await call(sim.url, 'GET', `${ns}/pods/${name}`)).body.status.phase === 'Running', { description: `${name} running` });

  beforeAll(async () => {
    sim = await startKubeSim({
      port: 0,
      kubeconfigPath: `tmp/kube-sim-${process.pid}/parameters.yaml`,
      timing: { scheduleMs: 5, containerCreatingMs: 20, readyMs: 20 },
    });
    await call(sim.url, 'POST', '/api/v1/namespaces', { metadata: { name: 'params' } });
    await call(sim.url, 'POST', `${ns}/pods`, aPod('first'));
  });

  afterAll(() => sim.stop());

  it('watches for watch=True (the Python client) and lists for watch=False; a named GET ignores watch', async () => {
    const events = await readWatch(sim.url, `${ns}/pods?watch=True`, (e) => e.length > 0);
    expect(events[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'first' } } });
    expect((await call(sim.url, 'GET', `${ns}/pods?watch=False`)).body).toMatchObject({ kind: 'PodList', items: [expect.objectContaining({ kind: 'Pod' })] });
    const named = await raw(`${ns}/pods/first?watch=true`);
    expect(JSON.parse(named.text)).toMatchObject({ kind: 'Pod', metadata: { name: 'first' } });
  });

  it("answers 400 BadRequest with Go's error text for values that do not parse", async () => {
    const cases: [string, string, string][] = [
      ['GET', `${ns}/pods?limit=ten`, 'strconv.ParseInt: parsing "ten": invalid syntax'],
      ['GET', `${ns}/pods?watch=1&timeoutSeconds=soon`, 'strconv.ParseInt: parsing "soon": invalid syntax'],
      [
        'GET',
        `${ns}/pods?resourceVersion=newest`,
        'invalid resource version: resourceVersion: Invalid value: "newest": strconv.ParseUint: parsing "newest": invalid syntax',
      ],
      [
        'GET',
        `${ns}/pods/first?resourceVersion=-1`,
        'invalid resource version: resourceVersion: Invalid value: "-1": strconv.ParseUint: parsing "-1": invalid syntax',
      ],
      [
        'GET',
        `${ns}/pods?watch=true&resourceVersion=x1`,
        'invalid resource version: resourceVersion: Invalid value: "x1": strconv.ParseUint: parsing "x1": invalid syntax',
      ],
      ['DELETE', `${ns}/pods/first?gracePeriodSeconds=later`, 'strconv.ParseInt: parsing "later": invalid syntax'],
      ['GET', `${ns}/pods?continue=abc&resourceVersion=7`, 'specifying resource version is not allowed when using continue'],
    ];
    for (const [method, path, message] of cases) {
      const { status, body } = await call(sim.url, method, path);
      expect({ path, status, body }).toEqual({
        path,
        status: 400,
        body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'BadRequest', code: 400, message },
      });
    }
  });

  it('refuses invalid option combinations and values with 422 <Kind>Options.meta.k8s.io', async () => {
    const cases: [string, string, unknown, string, string][] = [
      ['GET', `${ns}/pods?sendInitialEvents=true`, undefined, 'ListOptions', 'sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list'],
      [
        'GET',
        `${ns}/pods?watch=1&resourceVersionMatch=Exact`,
        undefined,
        'ListOptions',
        'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
      ],
      ['DELETE', `${ns}/pods/first?propagationPolicy=Later`, undefined, 'DeleteOptions', 'propagationPolicy: Unsupported value: "Later"'],
      ['DELETE', `${ns}/pods/first`, { dryRun: ['true'] }, 'DeleteOptions', 'dryRun: Unsupported value: []string{"true"}: supported values: "All"'],
      ['POST', `${ns}/pods?dryRun=yes`, aPod('dry'), 'CreateOptions', 'dryRun: Unsupported value: []string{"yes"}'],
      ['PUT', `${ns}/pods/first?fieldValidation=Lax`, aPod('first'), 'UpdateOptions', 'fieldValidation: Unsupported value: "Lax"'],
    ];
    for (const [method, path, body, kind, message] of cases) {
      const answer = await call(sim.url, method, path, body);
      expect({ path, status: answer.status }).toEqual({ path, status: 422 });
      expect(answer.body).toMatchObject({ reason: 'Invalid', code: 422, message: expect.stringContaining(message), details: { group: 'meta.k8s.io', kind } });
      expect(answer.body.message).toMatch(new RegExp(`^${kind}\\.meta\\.k8s\\.io "" is invalid: `));
    }
    expect((await call(sim.url, 'GET', `${ns}/pods/first`)).body.metadata.deletionTimestamp).toBeUndefined();
  });

  it('reads DeleteOptions from the body when there is one, and a negative grace period as 1 second', async () => {
    await call(sim.url, 'POST', `${ns}/pods`, aPod('bodied', { spec: { terminationGracePeriodSeconds: 5, containers: [{ name: 'c', image: 'nginx' }] } }));
    await call(sim.url, 'POST', `${ns}/pods`, aPod('negative', { spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'c', image: 'nginx' }] } }));
    await running('bodied');
    await running('negative');
    const bodied = await call(sim.url, 'DELETE', `${ns}/pods/bodied?gracePeriodSeconds=0`, { gracePeriodSeconds: 30 });
    expect(bodied.body.metadata.deletionGracePeriodSeconds).toBe(30);
    const negative = await call(sim.url, 'DELETE', `${ns}/pods/negative?gracePeriodSeconds=-10`);
    expect(negative.body.metadata.deletionGracePeriodSeconds).toBe(1);
    await waitFor(async () => (await call(sim.url, 'GET', `${ns}/pods/negative`)).status === 404, { timeoutMs: 5_000, description: 'the pod gone after 1 s' });
    expect((await call(sim.url, 'GET', `${ns}/pods/bodied`)).status).toBe(200);
  });

  it('answers dry runs as usual and stores nothing', async () => {
    const created = await call(sim.url, 'POST', `${ns}/pods?dryRun=All`, aPod('dry'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'Pod',
      metadata: { name: 'dry', uid: expect.any(String) },
      spec: { restartPolicy: 'Always' },
      status: { phase: 'Pending' },
    });
    expect(created.body.metadata.resourceVersion).toBeUndefined();
    expect((await call(sim.url, 'GET', `${ns}/pods/dry`)).status).toBe(404);
    expect((await call(sim.url, 'POST', `${ns}/pods?dryRun=All`, aPod('first'))).body).toMatchObject({ code: 409, reason: 'AlreadyExists' });

    await running('first');
    const before = (await call(sim.url, 'GET', `${ns}/pods/first`)).body;
    const deleted = await call(sim.url, 'DELETE', `${ns}/pods/first`, { dryRun: ['All'] });
    expect(deleted.body.metadata.deletionTimestamp).toEqual(expect.any(String));
    const patched = await call(sim.url, 'PATCH', `${ns}/pods/first?dryRun=All`, { metadata: { labels: { dry: 'run' } } }, 'application/merge-patch+json');
    expect(patched.body.metadata).toMatchObject({ labels: { app: 'test', dry: 'run' }, resourceVersion: before.metadata.resourceVersion });
    const namespace = await call(sim.url, 'DELETE', '/api/v1/namespaces/params?dryRun=All');
    expect(namespace.body.status.phase).toBe('Terminating');
    const after = (await call(sim.url, 'GET', `${ns}/pods/first`)).body;
    expect(after.metadata).toEqual(before.metadata);
    expect((await call(sim.url, 'GET', '/api/v1/namespaces/params')).body.status.phase).toBe('Active');
  });

  it('streams the initial objects and the initial-events-end bookmark of a watch-list, and no initial objects for sendInitialEvents=false', async () => {
    const initial = await readWatch(
      sim.url,
      `${ns}/pods?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&labelSelector=app%3Dtest`,
      (e) => e.some((x) => x.type === 'BOOKMARK'),
    );
    const bookmark = initial.at(-1);
    expect(bookmark).toMatchObject({
      type: 'BOOKMARK',
      object: { kind: 'Pod', apiVersion: 'v1', metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } },
    });
    expect(initial.slice(0, -1).map((e) => e.type)).toEqual(initial.slice(0, -1).map(() => 'ADDED'));
    expect(initial.map((e) => e.object.metadata.name)).toContain('first');

    const later = readWatch(sim.url, `${ns}/pods?watch=true&sendInitialEvents=false&resourceVersionMatch=NotOlderThan`, (e) => e.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await call(sim.url, 'POST', `${ns}/pods`, aPod('later'));
    expect((await later)[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'later' } } });
  });

  it('pretty-prints for pretty=true|1|t and for curl, as strconv.ParseBool and the API server decide', async () => {
    const indented = (text: string) => text.startsWith('{\n  "') && JSON.parse(text).kind === 'Namespace';
    for (const value of ['true', '1', 't', 'True'])
      expect([value, indented((await raw(`/api/v1/namespaces/params?pretty=${value}`)).text)]).toEqual([value, true]);
    for (const value of ['false', '0', 'yes']) expect([value, indented((await raw(`/api/v1/namespaces/params?pretty=${value}`)).text)]).toEqual([value, false]);
    expect(indented((await raw('/api/v1/namespaces/params', { 'user-agent': 'curl/8.5.0' })).text)).toBe(true);
    expect(indented((await raw('/api/v1/namespaces/params?pretty=0', { 'user-agent': 'curl/8.5.0' })).text)).toBe(false);
    expect(indented((await raw('/api/v1/namespaces/params', { 'user-agent': 'kubectl/v1.32.0' })).text)).toBe(false);
  });

  it('keeps the status on writes of a resource and the spec on writes of its /status', async () => {
    const created = (await call(sim.url, 'POST', pdbs, { metadata: { name: 'budget' }, spec: { minAvailable: 1 }, status: { expectedPods: 7 } })).body;
    expect(created.status).toEqual({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
    const main = (await call(sim.url, 'PUT', `${pdbs}/budget`, { ...created, spec: { minAvailable: 2 }, status: { ...created.status, expectedPods: 9 } })).body;
    expect(main).toMatchObject({ spec: { minAvailable: 2 }, status: { expectedPods: 0 } });
    const status = (await call(sim.url, 'PUT', `${pdbs}/budget/status`, { ...main, spec: { minAvailable: 5 }, status: { ...main.status, expectedPods: 4 } }))
      .body;
    expect(status).toMatchObject({ spec: { minAvailable: 2 }, status: { expectedPods: 4 } });
    const patched = (await call(sim.url, 'PATCH', `${pdbs}/budget/status`, { status: { currentHealthy: 3 } }, 'application/merge-patch+json')).body;
    expect(patched.status).toMatchObject({ currentHealthy: 3, expectedPods: 4 });
    expect((await call(sim.url, 'PUT', `/api/v1/namespaces/params/events/any/status`, {})).status).toBe(404);
  });

  it('checks includeObject on Tables only, and refuses a field selector on the watch of a named object', async () => {
    const table = await call(sim.url, 'GET', `${ns}/pods?includeObject=Everything`);
    expect(table.status).toBe(200);
    const refused = await fetch(`${sim.url}${ns}/pods?includeObject=Everything`, { headers: { accept: TABLE } });
    expect(await refused.json()).toMatchObject({ code: 400, reason: 'BadRequest', message: 'unrecognized includeObject value: "Everything"' });
    const named = await call(sim.url, 'GET', `/api/v1/watch/namespaces/params/pods/first?fieldSelector=metadata.name%3Dfirst`);
    expect(named.body).toMatchObject({ code: 400, message: 'both a name and a field selector provided; please provide one or the other.' });
  });

  it('validates events and owner references as the API server does', async () => {
    const event = await call(sim.url, 'POST', `${ns}/events`, {
      metadata: { name: 'astray' },
      involvedObject: { kind: 'Pod', name: 'first', namespace: 'default' },
    });
    expect(event.body).toMatchObject({
      code: 422,
      message: 'Event "astray" is invalid: involvedObject.namespace: Invalid value: "default": does not match event.namespace',
      details: { kind: 'Event', causes: [{ field: 'involvedObject.namespace', reason: 'FieldValueInvalid' }] },
    });
    const owned = await call(
      sim.url,
      'POST',
      `${ns}/pods`,
      aPod('owned', { metadata: { name: 'owned', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'first' }] } }),
    );
    expect(owned.body).toMatchObject({ code: 422, message: 'Pod "owned" is invalid: metadata.ownerReferences.uid: Invalid value: "": uid must not be empty' });
  });
});
