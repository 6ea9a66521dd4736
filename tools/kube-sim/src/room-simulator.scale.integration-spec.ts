import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROOM_SIMULATOR_IMAGE, startKubeSim, type KubeSim } from './index';
import { call } from './testing/kube-sim-client';
import { waitFor } from './testing/wait-for';

const ROOMS = 5_000;

/** One process holds thousands of simulated rooms: every one of them becomes a pod that pings. */
describe('room simulator at scale', () => {
  let sim: KubeSim;
  let roomsApi: Server;
  const readyRooms = new Set<string>();

  beforeAll(async () => {
    roomsApi = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (JSON.parse(body).status === 'ready') readyRooms.add(String(req.url));
        res.end('{"success":true}');
      });
    });
    roomsApi.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => roomsApi.listen(0, '127.0.0.1', resolve));
    sim = await startKubeSim({
      port: 0,
      nodes: 10,
      nodeCapacity: { cpu: '64', memory: '256Gi', pods: 600 },
      kubeconfigPath: `tmp/kube-sim-${process.pid}/scale.yaml`,
      timing: { scheduleMs: 1, containerCreatingMs: 5, readyMs: 5 },
      roomSimulator: { roomsApiUrl: `http://127.0.0.1:${(roomsApi.address() as AddressInfo).port}` },
    });
    await call(sim.url, 'POST', '/api/v1/namespaces', { metadata: { name: 'load' } });
  });

  afterAll(async () => {
    await sim?.stop();
    roomsApi?.closeAllConnections();
    roomsApi?.close();
  });

  it(`runs ${ROOMS} rooms that each ping ready`, async () => {
    const env = [
      { name: 'MAESTRO_SCHEDULER_NAME', value: 'load' },
      { name: 'ROOM_READY_AFTER_MS', value: '10' },
      { name: 'ROOM_PING_INTERVAL_MS', value: '60000' },
    ];
    let next = 0;
    const worker = async () => {
      while (next < ROOMS) {
        const name = `load-${next++}`;
        const pod = {
          metadata: { name },
          spec: { containers: [{ name: 'room', image: ROOM_SIMULATOR_IMAGE, env: [...env, { name: 'MAESTRO_ROOM_ID', value: name }] }] },
        };
        const created = await call(sim.url, 'POST', '/api/v1/namespaces/load/pods', pod);
        if (created.status !== 201) throw new Error(`creating ${name}: ${created.status} ${JSON.stringify(created.body)}`);
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    await waitFor(() => readyRooms.size === ROOMS, { timeoutMs: 60_000, intervalMs: 200, description: `${ROOMS} ready pings` });
    const stats = (await call(sim.url, 'GET', '/_sim/stats')).body;
    expect(stats).toMatchObject({ pods: ROOMS, simulatedRooms: ROOMS, pingErrors: 0 });
    expect(readyRooms.has('/scheduler/load/rooms/load-4999/ping')).toBe(true);
  }, 120_000);
});
