/**
 * Scales one scheduler of simulated rooms from 0 to N rooms on the whole running system (kube-sim,
 * the three apps) and reports the time to N pods and to N ready rooms, and pods/s against the
 * Kubernetes client's QPS. Run: node tools/scripts/run.mjs bench/scale-1000-rooms.bench.ts [rooms] [qps]
 */
import { createScheduler, simulatedScheduler, startSystem, until } from './support/running-system';

const rooms = Number(process.argv[2] ?? 1000);
const qps = Number(process.argv[3] ?? 100);

async function main(): Promise<void> {
  const system = await startSystem({
    portBase: 28000,
    nodes: 10,
    podsPerNode: Math.ceil(rooms / 10) + 20,
    env: {
      MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_QPS: String(qps),
      MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_BURST: String(qps * 2),
      MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '1s',
    },
  });
  const { api, kube, authorization } = system;
  try {
    const body = simulatedScheduler('bench-fleet', 'bench', rooms, { ROOM_READY_AFTER_MS: '500', ROOM_PING_INTERVAL_MS: '30000' });
    const started = Date.now();
    await createScheduler(api, authorization, body);
    const firstPod = await until(
      async () =>
        ((await (await fetch(`${kube}/api/v1/namespaces/bench-fleet/pods?limit=1`)).json()) as { items: unknown[] }).items.length > 0 ? Date.now() : undefined,
      120_000,
    );
    const allPods = await until(
      async () =>
        ((await (await fetch(`${kube}/api/v1/namespaces/bench-fleet/pods`)).json()) as { items: unknown[] }).items.length >= rooms ? Date.now() : undefined,
      600_000,
    );
    const allReady = await until(async () => {
      const info = (await (await fetch(`${api}/schedulers/info?game=bench`, { headers: { authorization } })).json()) as {
        schedulers: { roomsReady: number }[];
      };
      return info.schedulers[0]?.roomsReady >= rooms ? Date.now() : undefined;
    }, 600_000);
    const podsPerSecond = rooms / ((allPods - firstPod) / 1000);
    console.log(
      JSON.stringify(
        {
          rooms,
          clientQps: qps,
          secondsToFirstPod: (firstPod - started) / 1000,
          secondsToAllPods: (allPods - started) / 1000,
          secondsToAllReadyRooms: (allReady - started) / 1000,
          podsPerSecond: Math.round(podsPerSecond),
          podsPerSecondOverQps: Number((podsPerSecond / qps).toFixed(2)),
        },
        null,
        2,
      ),
    );
  } finally {
    system.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
