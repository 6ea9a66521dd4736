import { AlreadyExistsError, type InstanceEvent, type InstanceWatcher, NotFoundError, silentLogger } from '@maestro/domain';
import { startKubeSim, type KubeSim } from '@maestro/kube-sim';
import { aContainer, aScheduler, waitFor } from '@maestro/testing';
import { KubernetesRuntime } from './kubernetes.runtime';

describe('KubernetesRuntime against kube-sim', () => {
  let sim: KubeSim;
  let runtime: KubernetesRuntime;
  const watchers: InstanceWatcher[] = [];
  const base = aScheduler().withName('runtime-test').build();
  const scheduler = { ...base, spec: { ...base.spec, terminationGracePeriodNs: 1e9 } };
  const api = async (method: string, path: string): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${sim.url}${path}`, { method });
    return { status: response.status, body: await response.json() };
  };
  const withHostPort = { ...scheduler.spec, containers: [aContainer({ ports: [{ name: 'gameport', protocol: 'udp', port: 7777, hostPort: 40001 }] })] };

  beforeAll(async () => {
    sim = await startKubeSim({ port: 0, kubeconfigPath: `tmp/kube-sim-${process.pid}/runtime.yaml`, timing: { scheduleMs: 5, containerCreatingMs: 30, readyMs: 30 } });
    runtime = new KubernetesRuntime(
      { kubeconfigPath: sim.kubeconfigPath, qps: 200, burst: 400, topologySpread: { enabled: false, maxSkew: 5, topologyKey: '', scheduleAnyway: false }, resyncMs: 60_000 },
      silentLogger,
    );
    await runtime.createScheduler(scheduler);
  });

  afterAll(async () => {
    await Promise.all(watchers.map((w) => w.stop()));
    await sim.stop();
  });

  async function watch(): Promise<InstanceEvent[]> {
    const events: InstanceEvent[] = [];
    watchers.push(await runtime.watchGameRoomInstances(scheduler, (event) => void events.push(event)));
    return events;
  }

  it('creates the namespace and its disruption budget once', async () => {
    expect((await api('GET', '/api/v1/namespaces/runtime-test')).status).toBe(200);
    const pdb = await api('GET', '/apis/policy/v1/namespaces/runtime-test/poddisruptionbudgets/runtime-test');
    expect(pdb.body.spec).toEqual({ minAvailable: 0, selector: { matchLabels: { 'maestro-scheduler': 'runtime-test' } } });
    await expect(runtime.createScheduler(scheduler)).rejects.toThrow(new AlreadyExistsError("scheduler 'runtime-test' already exists").message);
  });

  it('creates a room pod and reports it through the watch until ready, with its address', async () => {
    const events = await watch();
    const name = runtime.createGameRoomName(scheduler);
    const created = await runtime.createGameRoomInstance(scheduler, name, withHostPort);
    expect(created).toMatchObject({ id: name, schedulerId: 'runtime-test', status: { type: 'pending' } });
    expect(created.address).toBeUndefined();
    const ready = await waitFor(() => events.find((e) => e.instance.id === name && e.instance.status.type === 'ready'));
    expect(ready.instance.address).toEqual({ host: '127.0.0.1', ports: [{ name: 'gameport', port: 40001, protocol: 'UDP' }] });
    expect(events.find((e) => e.instance.id === name)?.type).toBe('added');
    await runtime.deleteGameRoomInstance(ready.instance, 'scale_down');
    await waitFor(() => events.some((e) => e.instance.id === name && e.instance.status.type === 'terminating'));
    await waitFor(() => events.some((e) => e.instance.id === name && e.type === 'deleted'), { timeoutMs: 10_000 });
    const recorded = await api('GET', '/api/v1/namespaces/runtime-test/events');
    expect(recorded.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'GameRoomDeleted', message: 'scale_down', type: 'Normal' })]));
    await expect(runtime.deleteGameRoomInstance(ready.instance, 'scale_down')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('maps image pull errors, crash loops and OOM kills to error instances', async () => {
    const events = await watch();
    // restartPolicy Never: the OOM-killed pod ends in phase Failed, which maps to PodFailed.
    const cases = [['pull', 'broken:1', 'ImagePullBackOff'], ['crash', 'crashy:1', 'CrashLoopBackOff'], ['oom', 'hungry:1', 'PodFailed']];
    sim.faults.failImagePull('broken:1');
    sim.faults.crashLoop('crashy:1');
    sim.faults.oomKill('hungry:1');
    for (const [id, image] of cases) {
      await runtime.createGameRoomInstance(scheduler, `runtime-test-${id}`, { ...scheduler.spec, containers: [aContainer({ image })] });
    }
    for (const [id, , reason] of cases) {
      const event = await waitFor(() => events.find((e) => e.instance.id === `runtime-test-${id}` && e.instance.status.description.startsWith(reason)));
      expect(event.instance.status.type).toBe('error');
    }
  });

  it('recovers the watch after a dropped stream and after 410 Gone', async () => {
    const events = await watch();
    const before = events.length;
    expect(sim.faults.dropWatches()).toBeGreaterThan(0);
    await runtime.createGameRoomInstance(scheduler, 'runtime-test-after-drop', scheduler.spec);
    await waitFor(() => events.some((e) => e.instance.id === 'runtime-test-after-drop'), { timeoutMs: 10_000 });
    sim.faults.compactHistory();
    sim.faults.dropWatches();
    await runtime.createGameRoomInstance(scheduler, 'runtime-test-after-gone', scheduler.spec);
    await waitFor(() => events.some((e) => e.instance.id === 'runtime-test-after-gone' && e.instance.status.type === 'ready'), { timeoutMs: 10_000 });
    expect(events.length).toBeGreaterThan(before);
    const added = events.filter((e) => e.type === 'added').map((e) => e.instance.id);
    expect(new Set(added).size).toBe(added.length);
  });

  it('retries pod creation on 429 and 5xx, and fails cleanly when they persist', async () => {
    for (const errorCode of [503, 500, 429] as const) {
      sim.faults.setApiFaults({ failNext: 3, errorCode, verbs: ['create'], resources: ['pods'] });
      await runtime.createGameRoomInstance(scheduler, `runtime-test-retry-${errorCode}`, scheduler.spec);
      expect((await api('GET', `/api/v1/namespaces/runtime-test/pods/runtime-test-retry-${errorCode}`)).status).toBe(200);
    }
    sim.faults.setApiFaults({ errorRate: 1, errorCode: 429, verbs: ['create'], resources: ['pods'] });
    await expect(runtime.createGameRoomInstance(scheduler, 'runtime-test-throttled', scheduler.spec)).rejects.toThrow(/error creating game room runtime-test-throttled/);
    sim.faults.reset();
    expect((await api('GET', '/api/v1/namespaces/runtime-test/pods/runtime-test-throttled')).status).toBe(404);
  });

  it('applies the disruption budget and deletes the scheduler', async () => {
    await runtime.mitigateDisruption(scheduler, 20, 0.05);
    const pdb = await api('GET', '/apis/policy/v1/namespaces/runtime-test/poddisruptionbudgets/runtime-test');
    expect(pdb.body.spec.minAvailable).toBe(19);
    await runtime.deleteScheduler(scheduler);
    await waitFor(async () => (await api('GET', '/api/v1/namespaces/runtime-test')).status === 404, { timeoutMs: 10_000 });
    await expect(runtime.deleteScheduler(scheduler)).rejects.toBeInstanceOf(NotFoundError);
  });
});
