import { startKubeSim, type KubeSim } from './index';
import { aPod, call } from './testing/kube-sim-client';
import { waitFor } from './testing/wait-for';

describe('injected API latency', () => {
  let sim: KubeSim;
  const podsPath = '/api/v1/namespaces/slow/pods';
  const stats = async () => (await call(sim.url, 'GET', '/_sim/stats')).body as { heldRequests: number; abandonedRequests: number };
  const postPod = (name: string, signal?: AbortSignal) =>
    fetch(`${sim.url}${podsPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aPod(name)), signal });

  beforeAll(async () => {
    sim = await startKubeSim({ port: 0, kubeconfigPath: `tmp/kube-sim-${process.pid}/latency.yaml`, roomSimulator: { enabled: false } });
    await call(sim.url, 'POST', '/api/v1/namespaces', { metadata: { name: 'slow' } });
  });

  afterEach(() => sim.faults.reset());

  afterAll(() => sim.stop());

  it('refuses a negative answer latency', async () => {
    expect((await call(sim.url, 'POST', '/_sim/faults/api', { answerLatencyMs: -1 })).status).toBe(400);
  });

  it('drops a request whose client goes away before the latency is over: nothing is created', async () => {
    const before = await stats();
    sim.faults.setApiFaults({ latencyMs: 600_000, verbs: ['create'], resources: ['pods'] });
    const client = new AbortController();
    const posting = postPod('dropped', client.signal);
    await waitFor(async () => (await stats()).heldRequests === before.heldRequests + 1, { description: 'the request held' });
    client.abort();
    await expect(posting).rejects.toThrow();
    const after = await waitFor(
      async () => {
        const current = await stats();
        return current.heldRequests === before.heldRequests ? current : undefined;
      },
      { description: 'the request released' },
    );
    expect(after.abandonedRequests).toBe(before.abandonedRequests + 1);
    expect((await call(sim.url, 'GET', `${podsPath}/dropped`)).status).toBe(404);
  });

  it('carries out a request before answering it late; an answer whose client went away is dropped', async () => {
    const before = await stats();
    sim.faults.setApiFaults({ answerLatencyMs: 600_000, verbs: ['create'], resources: ['pods'] });
    const client = new AbortController();
    let answered = false;
    const posting = postPod('landed', client.signal).then((response) => {
      answered = true;
      return response;
    });
    await waitFor(async () => (await call(sim.url, 'GET', `${podsPath}/landed`)).status === 200, { description: 'the pod created' });
    expect(answered).toBe(false);
    expect((await stats()).heldRequests).toBe(before.heldRequests + 1);
    client.abort();
    await expect(posting).rejects.toThrow();
    await waitFor(async () => (await stats()).abandonedRequests === before.abandonedRequests + 1, { description: 'the answer dropped' });
    expect((await stats()).heldRequests).toBe(before.heldRequests);
  });

  it('answers late but completely a client that waits', async () => {
    sim.faults.setApiFaults({ answerLatencyMs: 50, verbs: ['create'], resources: ['pods'] });
    const response = await postPod('patient');
    expect(response.status).toBe(201);
    expect(((await response.json()) as { metadata: { name: string } }).metadata.name).toBe('patient');
  });
});
