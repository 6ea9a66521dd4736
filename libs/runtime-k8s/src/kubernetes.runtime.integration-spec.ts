import {
  AlreadyExistsError,
  type InstanceEvent,
  InvalidArgumentError,
  type InstanceWatcher,
  NotFoundError,
  type Scheduler,
  silentLogger,
  UnexpectedError,
} from '@maestro/domain';
import { startKubeSim, type KubeSim } from '@maestro/kube-sim';
import { aContainer, aScheduler, waitFor } from '@maestro/testing';
import { KubernetesRuntime } from './kubernetes.runtime';
import type { KubernetesRuntimeOptions } from './kubernetes-runtime.options';
import { NamespaceSubscription } from './watch/shared-pod-watch';

describe('KubernetesRuntime against kube-sim', () => {
  let sim: KubeSim;
  let runtime: KubernetesRuntime;
  const watchers: InstanceWatcher[] = [];
  const base = aScheduler()
    .withName('runtime-test')
    .with({ labels: { team: 'a' } })
    .build();
  const scheduler: Scheduler = { ...base, spec: { ...base.spec, terminationGracePeriodNs: 1e9 } };
  const withHostPort = { ...scheduler.spec, containers: [aContainer({ ports: [{ name: 'gameport', protocol: 'udp', port: 7777, hostPort: 40001 }] })] };
  const options = (): KubernetesRuntimeOptions => ({
    kubeconfigPath: sim.kubeconfigPath,
    qps: 500,
    burst: 500,
    topologySpreadConstraint: { enabled: true, maxSkew: 5, topologyKey: 'kubernetes.io/hostname', scheduleAnyway: true },
    resyncMs: 60_000,
    watchBackoffMs: 10,
  });
  const api = async (method: string, path: string): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${sim.url}${path}`, { method });
    return { status: response.status, body: await response.json() };
  };
  const podPath = (name: string) => `/api/v1/namespaces/runtime-test/pods/${name}`;

  beforeAll(async () => {
    sim = await startKubeSim({
      port: 0,
      kubeconfigPath: `tmp/kube-sim-${process.pid}/runtime.yaml`,
      timing: { scheduleMs: 5, containerCreatingMs: 30, readyMs: 30 },
    });
    runtime = new KubernetesRuntime(options(), silentLogger);
    await runtime.createScheduler(scheduler);
  });

  afterEach(() => sim.faults.reset());

  afterAll(async () => {
    await Promise.all(watchers.map((w) => w.stop()));
    await sim.stop();
  });

  async function watch(target: KubernetesRuntime = runtime): Promise<{ events: InstanceEvent[]; watcher: InstanceWatcher }> {
    const events: InstanceEvent[] = [];
    const watcher = await target.watchGameRoomInstances(scheduler, (event) => void events.push(event));
    watchers.push(watcher);
    return { events, watcher };
  }
  const find = (events: InstanceEvent[], id: string, predicate: (e: InstanceEvent) => boolean = () => true) =>
    events.find((e) => e.instance.id === id && predicate(e));

  it('creates the namespace, labelled as managed by maestro for its scheduler, and its disruption budget once', async () => {
    const namespace = await api('GET', '/api/v1/namespaces/runtime-test');
    expect(namespace.status).toBe(200);
    expect(namespace.body.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'maestro', 'maestro-scheduler': 'runtime-test' });
    const pdb = await api('GET', '/apis/policy/v1/namespaces/runtime-test/poddisruptionbudgets/runtime-test');
    expect(pdb.body.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'maestro' });
    expect(pdb.body.spec).toEqual({ minAvailable: 0, selector: { matchLabels: { 'maestro-scheduler': 'runtime-test' } } });
    const again = runtime.createScheduler(scheduler);
    await expect(again).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(again).rejects.toThrow("scheduler 'runtime-test' already exists");
  });

  it('creates the room pod as specified and returns a pending instance without address', async () => {
    const name = runtime.createGameRoomName(scheduler);
    expect(name).toMatch(/^runtime-test-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const created = await runtime.createGameRoomInstance(scheduler, name, withHostPort);
    expect(created).toMatchObject({ id: name, schedulerId: 'runtime-test', status: { type: 'pending' } });
    expect(created.resourceVersion).not.toBe('');
    expect(created).not.toHaveProperty('address');
    const { body: pod } = await api('GET', podPath(name));
    expect(pod.metadata.labels).toEqual({ heritage: 'maestro', 'maestro-scheduler': 'runtime-test', version: 'v1.0.0', team: 'a' });
    expect(pod.spec.topologySpreadConstraints[0]).toMatchObject({ topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' });
    expect(pod.spec.containers[0].env.slice(-2)).toEqual([
      { name: 'MAESTRO_SCHEDULER_NAME', value: 'runtime-test' },
      { name: 'MAESTRO_ROOM_ID', value: name },
    ]);
    expect(pod.spec.terminationGracePeriodSeconds).toBe(1);
    await expect(runtime.createGameRoomInstance(scheduler, name, withHostPort)).rejects.toBeInstanceOf(AlreadyExistsError);
  });

  it('refuses specs the mapping or the API server rejects with InvalidArgumentError', async () => {
    const sctp = { ...scheduler.spec, containers: [aContainer({ ports: [{ name: 'p', protocol: 'sctp', port: 1, hostPort: 0 }] })] };
    await expect(runtime.createGameRoomInstance(scheduler, 'runtime-test-sctp', sctp)).rejects.toThrow('invalid port protocol "sctp"');
    expect((await api('GET', podPath('runtime-test-sctp'))).status).toBe(404);
    const invalid = runtime.createGameRoomInstance(scheduler, 'Runtime_Test_Invalid', scheduler.spec);
    await expect(invalid).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it('reports a room through the watch until ready with its address, then terminating and deleted', async () => {
    const { events } = await watch();
    const name = runtime.createGameRoomName(scheduler);
    await runtime.createGameRoomInstance(scheduler, name, withHostPort);
    const ready = await waitFor(() => find(events, name, (e) => e.instance.status.type === 'ready'));
    expect(find(events, name)?.type).toBe('added');
    expect(ready.instance).toMatchObject({
      schedulerId: 'runtime-test',
      address: { host: '127.0.0.1', ports: [{ name: 'gameport', port: 40001, protocol: 'UDP' }] },
    });
    await runtime.deleteGameRoomInstance(ready.instance, 'scale_down');
    const terminating = await waitFor(() => find(events, name, (e) => e.instance.status.type === 'terminating'));
    expect(terminating.type).toBe('updated');
    const deleted = await waitFor(() => find(events, name, (e) => e.type === 'deleted'), { timeoutMs: 10_000 });
    expect(deleted.instance).toMatchObject({ schedulerId: 'runtime-test', address: { host: '127.0.0.1' } });
    const recorded = await api('GET', '/api/v1/namespaces/runtime-test/events');
    expect(recorded.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reason: 'GameRoomDeleted',
          message: 'scale_down',
          type: 'Normal',
          source: { component: 'maestro-next' },
          involvedObject: expect.objectContaining({ kind: 'Pod', name }),
        }),
      ]),
    );
    await expect(runtime.deleteGameRoomInstance(ready.instance, 'scale_down')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reports deletions of rooms never seen ready with the scheduler id', async () => {
    const { events } = await watch();
    sim.faults.failImagePull('never:1');
    const created = await runtime.createGameRoomInstance(scheduler, 'runtime-test-never', {
      ...scheduler.spec,
      containers: [aContainer({ image: 'never:1' })],
    });
    await waitFor(() => find(events, created.id, (e) => e.instance.status.type === 'error'));
    await runtime.deleteGameRoomInstance(created, 'expired_room');
    const deleted = await waitFor(() => find(events, created.id, (e) => e.type === 'deleted'), { timeoutMs: 10_000 });
    expect(deleted.instance.schedulerId).toBe('runtime-test');
  });

  it('maps image pull errors, crash loops, OOM kills and node loss to error instances', async () => {
    const { events } = await watch();
    sim.faults.failImagePull('broken:1');
    sim.faults.crashLoop('crashy:1');
    sim.faults.oomKill('hungry:1');
    // restartPolicy Never: the OOM-killed pod ends in phase Failed, which maps to PodFailed.
    const cases = [
      ['pull', 'broken:1', /^(ErrImagePull|ImagePullBackOff): /],
      ['crash', 'crashy:1', /^CrashLoopBackOff: /],
      ['oom', 'hungry:1', /^PodFailed$/],
    ] as const;
    for (const [id, image] of cases) {
      await runtime.createGameRoomInstance(scheduler, `runtime-test-${id}`, { ...scheduler.spec, containers: [aContainer({ image })] });
    }
    for (const [id, , description] of cases) {
      const event = await waitFor(() => find(events, `runtime-test-${id}`, (e) => description.test(e.instance.status.description)));
      expect(event.instance.status.type).toBe('error');
    }
    const ready = await waitFor(() =>
      events.find((e) => e.instance.status.type === 'ready' && e.instance.id.startsWith('runtime-test-') && e.instance.address),
    );
    const { body: pod } = await api('GET', podPath(ready.instance.id));
    expect(sim.faults.loseNode(pod.spec.nodeName)).toBe(true);
    const lost = await waitFor(() => find(events, ready.instance.id, (e) => e.instance.status.description === 'PodUnknown'));
    expect(lost.instance.status.type).toBe('error');
  });

  it('recovers the watch after a dropped stream and after 410 Gone', async () => {
    const { events, watcher } = await watch();
    const informer = watcher as NamespaceSubscription;
    expect(informer).toBeInstanceOf(NamespaceSubscription);
    // a pod event proves the watch stream is open on the server before it is cut
    await runtime.createGameRoomInstance(scheduler, 'runtime-test-before-drop', scheduler.spec);
    await waitFor(() => find(events, 'runtime-test-before-drop'));
    const before = informer.stats;
    expect(sim.faults.dropWatches()).toBeGreaterThan(0);
    await waitFor(() => informer.stats.watches >= before.watches + 1);
    await runtime.createGameRoomInstance(scheduler, 'runtime-test-after-drop', scheduler.spec);
    await waitFor(() => find(events, 'runtime-test-after-drop', (e) => e.instance.status.type === 'ready'), { timeoutMs: 10_000 });
    expect(informer.stats.lists).toBe(before.lists);

    // keep the watch away while the pod changes and the history is compacted: it comes back to 410 Gone
    sim.faults.setApiFaults({ errorRate: 1, errorCode: 503, verbs: ['watch'], resources: ['pods'] });
    sim.faults.dropWatches();
    await runtime.createGameRoomInstance(scheduler, 'runtime-test-after-gone', scheduler.spec);
    await waitFor(async () => (await api('GET', podPath('runtime-test-after-gone'))).body.status?.phase === 'Running');
    sim.faults.compactHistory();
    sim.faults.setApiFaults({});
    await waitFor(() => find(events, 'runtime-test-after-gone', (e) => e.instance.status.type === 'ready'), { timeoutMs: 10_000 });
    expect(informer.stats.lists).toBeGreaterThanOrEqual(before.lists + 1);
    const added = events.filter((e) => e.type === 'added').map((e) => e.instance.id);
    expect(new Set(added).size).toBe(added.length);
  });

  it("serves every scheduler's pods from one watch stream", async () => {
    await Promise.all(watchers.splice(0).map((w) => w.stop()));
    const other: Scheduler = { ...scheduler, name: 'runtime-test-other' };
    await runtime.createScheduler(other);
    const shared = new KubernetesRuntime(options(), silentLogger);
    const events: InstanceEvent[] = [];
    for (const watched of [scheduler, other]) watchers.push(await shared.watchGameRoomInstances(watched, (event) => void events.push(event)));
    // an event of each proves the streams are open on the server
    for (const watched of [scheduler, other]) await runtime.createGameRoomInstance(watched, `${watched.name}-one-stream`, watched.spec);
    await waitFor(() => find(events, 'runtime-test-one-stream') && find(events, 'runtime-test-other-one-stream'));
    expect(events.find((e) => e.instance.id === 'runtime-test-other-one-stream')?.instance.schedulerId).toBe('runtime-test-other');
    expect(sim.faults.dropWatches()).toBe(1);
  });

  it('resyncs by re-listing without re-emitting unchanged pods', async () => {
    const resyncing = new KubernetesRuntime({ ...options(), resyncMs: 50 }, silentLogger);
    const name = 'runtime-test-resync';
    await runtime.createGameRoomInstance(scheduler, name, scheduler.spec);
    await waitFor(async () =>
      (await api('GET', podPath(name))).body.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True'),
    );
    const { events, watcher } = await watch(resyncing);
    const informer = watcher as NamespaceSubscription;
    await waitFor(() => informer.stats.lists >= 4);
    expect(find(events, name)).toMatchObject({ type: 'added', instance: { status: { type: 'ready' } } });
    expect(events.filter((e) => e.instance.id === name)).toHaveLength(1);
    expect(events.filter((e) => e.type === 'updated' && e.instance.id === name)).toEqual([]);
    const seen = events.map((e) => `${e.instance.id}@${e.instance.resourceVersion}`);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([503, 500, 504, 429] as const)('retries pod creation through %d and succeeds', async (errorCode) => {
    sim.faults.setApiFaults({ failNext: 3, errorCode, verbs: ['create'], resources: ['pods'] });
    const created = await runtime.createGameRoomInstance(scheduler, `runtime-test-retry-${errorCode}`, scheduler.spec);
    expect(created.id).toBe(`runtime-test-retry-${errorCode}`);
    expect(sim.faults.api.failNext).toBe(0);
    expect((await api('GET', podPath(created.id))).status).toBe(200);
  });

  it('fails cleanly after 4 attempts when the errors persist', async () => {
    sim.faults.setApiFaults({ failNext: 10, errorCode: 429, verbs: ['create'], resources: ['pods'] });
    const failing = runtime.createGameRoomInstance(scheduler, 'runtime-test-throttled', scheduler.spec);
    await expect(failing).rejects.toBeInstanceOf(UnexpectedError);
    await expect(failing).rejects.toThrow(/error creating game room runtime-test-throttled/);
    expect(sim.faults.api.failNext).toBe(6);
    expect((await api('GET', podPath('runtime-test-throttled'))).status).toBe(404);
  });

  it('applies the disruption budget, recreating it when missing', async () => {
    const pdbPath = '/apis/policy/v1/namespaces/runtime-test/poddisruptionbudgets/runtime-test';
    await runtime.mitigateDisruption(scheduler, 20, 0.05);
    expect((await api('GET', pdbPath)).body.spec).toEqual({ minAvailable: 19, selector: { matchLabels: { 'maestro-scheduler': 'runtime-test' } } });
    const version = (await api('GET', pdbPath)).body.metadata.resourceVersion;
    await runtime.mitigateDisruption(scheduler, 20, 0.01);
    expect((await api('GET', pdbPath)).body.metadata.resourceVersion).toBe(version);
    await runtime.mitigateDisruption(scheduler, 1, 0.05);
    expect((await api('GET', pdbPath)).body.spec.minAvailable).toBe(0);
    expect((await api('DELETE', pdbPath)).status).toBe(200);
    await runtime.mitigateDisruption(scheduler, 101, 0.05);
    expect((await api('GET', pdbPath)).body.spec.minAvailable).toBe(95);
  });

  it('retries budget updates that conflict, so concurrent updates all succeed', async () => {
    const totals = [10, 20, 30, 40, 50];
    await Promise.all(totals.map((total) => runtime.mitigateDisruption(scheduler, total, 0.05)));
    const { body } = await api('GET', '/apis/policy/v1/namespaces/runtime-test/poddisruptionbudgets/runtime-test');
    expect([9, 19, 28, 38, 47]).toContain(body.spec.minAvailable);
  });

  it('does not retry budget update errors other than 409', async () => {
    sim.faults.setApiFaults({ failNext: 2, errorCode: 500, verbs: ['update'], resources: ['poddisruptionbudgets'] });
    await expect(runtime.mitigateDisruption(scheduler, 2, 0.05)).rejects.toBeInstanceOf(UnexpectedError);
    expect(sim.faults.api.failNext).toBe(1);
  });

  it('retries a failing first pod list until it succeeds, then delivers the pods', async () => {
    await Promise.all(watchers.splice(0).map((w) => w.stop()));
    const name = runtime.createGameRoomName(scheduler);
    await runtime.createGameRoomInstance(scheduler, name, scheduler.spec);
    sim.faults.setApiFaults({ failNext: 3, errorCode: 503, verbs: ['list'], resources: ['pods'] });
    const { events } = await watch();
    expect(find(events, name)).toBeDefined();
  });

  it('stops retrying a failing first list when its signal aborts, and rejects with the reason', async () => {
    await Promise.all(watchers.splice(0).map((w) => w.stop()));
    sim.faults.setApiFaults({ failNext: 1_000, errorCode: 429, verbs: ['list'], resources: ['pods'] });
    const abort = new AbortController();
    const watching = runtime.watchGameRoomInstances(scheduler, () => undefined, { signal: abort.signal });
    await waitFor(() => (sim.faults.describe().api.failNext ?? 0) <= 998, { description: 'two failed lists' });
    abort.abort(new Error('scheduler worker stopped'));
    await expect(watching).rejects.toThrow('scheduler worker stopped');
  });

  it('never deletes a namespace it did not create: a foreign one reads as not found and stays', async () => {
    const foreign = { ...scheduler, name: 'someone-elses' };
    await fetch(`${sim.url}/api/v1/namespaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { name: 'someone-elses', labels: { team: 'b' } } }),
    });
    await expect(runtime.deleteScheduler(foreign)).rejects.toBeInstanceOf(NotFoundError);
    expect((await api('GET', '/api/v1/namespaces/someone-elses')).status).toBe(200);
    // Labelled by maestro for another scheduler: not this scheduler's either.
    const other = { ...scheduler, name: 'borrowed' };
    await fetch(`${sim.url}/api/v1/namespaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { name: 'borrowed', labels: { 'app.kubernetes.io/managed-by': 'maestro', 'maestro-scheduler': 'runtime-test' } } }),
    });
    await expect(runtime.deleteScheduler(other)).rejects.toBeInstanceOf(NotFoundError);
    expect((await api('GET', '/api/v1/namespaces/borrowed')).status).toBe(200);
  });

  it("deletes an unlabelled namespace holding the scheduler's pods (created by Maestro-Go)", async () => {
    const legacy = { ...scheduler, name: 'legacy-fleet' };
    await fetch(`${sim.url}/api/v1/namespaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { name: 'legacy-fleet' } }),
    });
    await runtime.createGameRoomInstance(legacy, runtime.createGameRoomName(legacy), legacy.spec);
    await runtime.deleteScheduler(legacy);
    await waitFor(async () => (await api('GET', '/api/v1/namespaces/legacy-fleet')).status === 404, { timeoutMs: 10_000 });
  });

  it('bounds every API call by the request timeout', async () => {
    const impatient = new KubernetesRuntime({ ...options(), requestTimeoutMs: 200 }, silentLogger);
    sim.faults.setApiFaults({ latencyMs: 3_000, verbs: ['get'], resources: ['namespaces'] });
    const started = Date.now();
    await expect(impatient.deleteScheduler(scheduler)).rejects.toThrow('the Kubernetes API did not answer within 200 ms');
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('deletes a pod whose creation timed out after it landed: no pod without a room', async () => {
    const impatient = new KubernetesRuntime({ ...options(), requestTimeoutMs: 200 }, silentLogger);
    sim.faults.setApiFaults({ answerLatencyMs: 1_000, verbs: ['create'], resources: ['pods'] });
    const name = impatient.createGameRoomName(scheduler);
    await expect(impatient.createGameRoomInstance(scheduler, name, scheduler.spec)).rejects.toThrow(/did not answer within 200 ms/);
    sim.faults.reset();
    await waitFor(async () => (await api('GET', podPath(name))).status === 404, { timeoutMs: 10_000, description: 'the timed-out pod gone' });
  });

  it('deletes the scheduler (budget, then namespace) and reports a missing one', async () => {
    await runtime.deleteScheduler(scheduler);
    expect((await api('GET', '/apis/policy/v1/namespaces/runtime-test/poddisruptionbudgets/runtime-test')).status).toBe(404);
    await waitFor(async () => (await api('GET', '/api/v1/namespaces/runtime-test')).status === 404, { timeoutMs: 10_000 });
    await expect(runtime.deleteScheduler(scheduler)).rejects.toBeInstanceOf(NotFoundError);
  });
});
