import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './testing/wait-for';
import { ROOM_SIMULATOR_IMAGE, startKubeSim, type KubeSim } from './index';
import { call } from './testing/kube-sim-client';

describe('simulated game rooms', () => {
  let sim: KubeSim;
  let roomsApi: Server;
  const pings: { url: string; authorization?: string; body: { status: string; runningMatches: number } }[] = [];

  beforeAll(async () => {
    roomsApi = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        pings.push({ url: `${req.method} ${req.url}`, authorization: req.headers.authorization, body: JSON.parse(body) });
        res.end('{"success":true}');
      });
    });
    await new Promise<void>((resolve) => roomsApi.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(roomsApi.address() as AddressInfo).port}`;
    sim = await startKubeSim({ port: 0, kubeconfigPath: `tmp/kube-sim-${process.pid}/rooms.yaml`, roomSimulator: { roomsApiUrl: url } });
    await call(sim.url, 'POST', '/api/v1/namespaces', { metadata: { name: 'sched' } });
  });

  afterAll(async () => {
    await sim.stop();
    await new Promise<void>((resolve, reject) => roomsApi.close((error) => (error ? reject(error) : resolve())));
  });

  it('pings ready, then occupied, then terminating when the pod is deleted', async () => {
    const env = [
      { name: 'MAESTRO_SCHEDULER_NAME', value: 'sched' },
      { name: 'MAESTRO_ROOM_ID', value: 'sched-abcde' },
      { name: 'MAESTRO_ROOM_TOKEN', value: 'the-room-token' },
      { name: 'ROOM_READY_AFTER_MS', value: '10' },
      { name: 'ROOM_PING_INTERVAL_MS', value: '50' },
      { name: 'ROOM_OCCUPY_AFTER_MS', value: '100' },
    ];
    await call(sim.url, 'POST', '/api/v1/namespaces/sched/pods', {
      metadata: { name: 'sched-abcde' },
      spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'room', image: `${ROOM_SIMULATOR_IMAGE}:1`, env }] },
    });
    await waitFor(() => pings.some((p) => p.body.status === 'occupied'), { description: 'an occupied ping' });
    expect(pings[0]).toEqual({
      url: 'PUT /scheduler/sched/rooms/sched-abcde/ping',
      authorization: 'Bearer the-room-token',
      body: expect.objectContaining({ status: 'ready', runningMatches: 0 }),
    });
    expect(pings.find((p) => p.body.status === 'occupied')?.body.runningMatches).toBe(1);
    await call(sim.url, 'DELETE', '/api/v1/namespaces/sched/pods/sched-abcde');
    await waitFor(() => pings.at(-1)?.body.status === 'terminating', { description: 'a terminating ping' });
  });

  it('plays matches (occupied, then ready again) and exits when its failure mode says so', async () => {
    const env = [
      { name: 'MAESTRO_SCHEDULER_NAME', value: 'sched' },
      { name: 'MAESTRO_ROOM_ID', value: 'sched-match' },
      { name: 'ROOM_READY_AFTER_MS', value: '0' },
      { name: 'ROOM_PING_INTERVAL_MS', value: '1000' },
      { name: 'ROOM_OCCUPY_AFTER_MS', value: '30' },
      { name: 'ROOM_MATCH_DURATION_MS', value: '30' },
      { name: 'ROOM_FAILURE_MODE', value: 'exit' },
      { name: 'ROOM_FAIL_AFTER_MS', value: '200' },
      { name: 'ROOM_EXIT_CODE', value: '3' },
    ];
    await call(sim.url, 'POST', '/api/v1/namespaces/sched/pods', {
      metadata: { name: 'sched-match' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'room', image: ROOM_SIMULATOR_IMAGE, env }] },
    });
    const pod = await waitFor(async () => {
      const p = (await call(sim.url, 'GET', '/api/v1/namespaces/sched/pods/sched-match')).body;
      return p.status.phase === 'Failed' && p;
    });
    expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    const statuses = pings.filter((p) => p.url.includes('/sched-match/')).map((p) => p.body.status);
    // ready -> occupied -> ready again. Pings 30 ms apart may overtake each other, and a jittered
    // timer may repeat a status: what must hold is a ready ping after the first occupied one.
    expect(statuses).toContain('occupied');
    expect(statuses.lastIndexOf('ready')).toBeGreaterThan(statuses.indexOf('occupied'));
  });

  it('injects image pull errors, crash loops and OOM kills', async () => {
    sim.faults.failImagePull('broken:1');
    await call(sim.url, 'POST', '/_sim/faults/crash-loop', { image: 'crashy:1' });
    sim.faults.oomKill('hungry:1');
    for (const [name, image] of [
      ['pull', 'broken:1'],
      ['crash', 'crashy:1'],
      ['oom', 'hungry:1'],
    ]) {
      await call(sim.url, 'POST', '/api/v1/namespaces/sched/pods', {
        metadata: { name },
        spec: { restartPolicy: 'Never', containers: [{ name: 'c', image }] },
      });
    }
    const state = async (name: string) => (await call(sim.url, 'GET', `/api/v1/namespaces/sched/pods/${name}`)).body.status.containerStatuses?.[0]?.state;
    await waitFor(async () => (await state('pull'))?.waiting?.reason === 'ImagePullBackOff');
    await waitFor(async () => (await state('crash'))?.waiting?.reason === 'CrashLoopBackOff');
    await waitFor(async () => (await state('oom'))?.terminated?.reason === 'OOMKilled');
    expect((await call(sim.url, 'GET', '/api/v1/namespaces/sched/pods/oom')).body.status.phase).toBe('Failed');
  });

  it('loses a node: NotReady, its pods Unknown', async () => {
    await call(sim.url, 'POST', '/api/v1/namespaces/sched/pods', { metadata: { name: 'on-node' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const node = await waitFor(async () => (await call(sim.url, 'GET', '/api/v1/namespaces/sched/pods/on-node')).body.spec.nodeName);
    expect((await call(sim.url, 'POST', '/_sim/faults/node-loss', { node })).status).toBe(200);
    await waitFor(async () => (await call(sim.url, 'GET', '/api/v1/namespaces/sched/pods/on-node')).body.status.phase === 'Unknown');
    const nodeStatus = (await call(sim.url, 'GET', `/api/v1/nodes/${node}`)).body.status.conditions[0];
    expect(nodeStatus).toMatchObject({ type: 'Ready', status: 'Unknown' });
    await call(sim.url, 'POST', '/_sim/reset');
    expect((await call(sim.url, 'GET', `/api/v1/nodes/${node}`)).body.status.conditions[0]).toMatchObject({ type: 'Ready', status: 'True' });
  });

  it('answers injected 429 and 5xx errors with Status bodies, and drops watches', async () => {
    expect((await call(sim.url, 'POST', '/_sim/faults/api', { errorRate: 2 })).status).toBe(400);
    await call(sim.url, 'POST', '/_sim/faults/api', { errorRate: 1, errorCode: 429, resources: ['pods'], verbs: ['create'] });
    expect((await call(sim.url, 'GET', '/_sim/faults')).body.api).toMatchObject({ errorCode: 429, verbs: ['create'] });
    const throttled = await call(sim.url, 'POST', '/api/v1/namespaces/sched/pods', {
      metadata: { name: 'x' },
      spec: { containers: [{ name: 'c', image: 'i' }] },
    });
    expect(throttled).toEqual({ status: 429, body: expect.objectContaining({ kind: 'Status', reason: 'TooManyRequests', code: 429 }) });
    expect((await call(sim.url, 'GET', '/api/v1/namespaces/sched/pods')).status).toBe(200);
    await call(sim.url, 'POST', '/_sim/reset');
    expect(
      (await call(sim.url, 'POST', '/api/v1/namespaces/sched/pods', { metadata: { name: 'x' }, spec: { containers: [{ name: 'c', image: 'i' }] } })).status,
    ).toBe(201);
    const stream = fetch(`${sim.url}/api/v1/namespaces/sched/pods?watch=true`);
    const response = await stream;
    await waitFor(async () => (await call(sim.url, 'GET', '/_sim/stats')).body.openWatches > 0);
    expect((await call(sim.url, 'POST', '/_sim/faults/drop-watches')).body.dropped).toBeGreaterThan(0);
    await expect(response.text()).rejects.toThrow();
  });
});
