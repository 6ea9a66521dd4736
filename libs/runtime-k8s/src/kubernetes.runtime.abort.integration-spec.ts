import { type Scheduler, silentLogger } from '@maestro/domain';
import { startKubeSim, type KubeSim } from '@maestro/kube-sim';
import { aScheduler, runtimeCreationAbortContract, waitFor } from '@maestro/testing';
import { KubernetesRuntime } from './kubernetes.runtime';

/** Room creations aborted against kube-sim, whose latency faults play a slow API server. */
describe('KubernetesRuntime on kube-sim: aborted pod creations', () => {
  let sim: KubeSim;
  let runtime: KubernetesRuntime;
  const base = aScheduler().withName('abort-test').build();
  const scheduler: Scheduler = { ...base, spec: { ...base.spec, terminationGracePeriodNs: 1e9 } };
  const podPath = (name: string) => `${sim.url}/api/v1/namespaces/abort-test/pods/${name}`;
  const hold = 600_000;

  /** The pod exists and is not being deleted. */
  const podExists = async (name: string): Promise<boolean> => {
    const response = await fetch(podPath(name));
    if (response.status === 404) return false;
    const pod = (await response.json()) as { metadata: { deletionTimestamp?: string } };
    return !pod.metadata.deletionTimestamp;
  };

  beforeAll(async () => {
    sim = await startKubeSim({
      port: 0,
      kubeconfigPath: `tmp/kube-sim-${process.pid}/runtime-abort.yaml`,
      timing: { scheduleMs: 5, containerCreatingMs: 30, readyMs: 30 },
    });
    runtime = new KubernetesRuntime({ kubeconfigPath: sim.kubeconfigPath, qps: 500, burst: 500 }, silentLogger);
    await runtime.createScheduler(scheduler);
  });

  afterEach(() => sim.faults.reset());

  afterAll(() => sim.stop());

  runtimeCreationAbortContract(() => ({
    runtime,
    scheduler,
    holdCreations: () => sim.faults.setApiFaults({ latencyMs: hold, verbs: ['create'], resources: ['pods'] }),
    holdAnswers: () => sim.faults.setApiFaults({ answerLatencyMs: hold, verbs: ['create'], resources: ['pods'] }),
    held: () => sim.faults.latency.held,
    release: () => sim.faults.reset(),
    podExists,
  }));

  it('stops retrying a creation the API server keeps refusing once aborted, and leaves no pod', async () => {
    // Every attempt is held a second, then answered 503: the abort comes while the second attempt is held.
    sim.faults.setApiFaults({ latencyMs: 1_000, failNext: 10, errorCode: 503, verbs: ['create'], resources: ['pods'] });
    const controller = new AbortController();
    const reason = new Error('room creation timed out after 5000 ms');
    const creating = runtime.createGameRoomInstance(scheduler, 'abort-test-retry', scheduler.spec, { signal: controller.signal });
    await waitFor(() => sim.faults.api.failNext === 8 && sim.faults.latency.held === 1, { description: 'the second attempt held' });
    controller.abort(reason);
    await expect(creating).rejects.toBe(reason);
    await waitFor(() => sim.faults.latency.held === 0, { description: 'the held attempt dropped' });
    expect(sim.faults.api.failNext).toBe(8);
    expect(await podExists('abort-test-retry')).toBe(false);
  });
});
