/**
 * Scales one scheduler of simulated rooms from 0 to N rooms on the whole running system (kube-sim,
 * the three apps) and reports the time to N pods and to N ready rooms, and pods/s against the
 * Kubernetes client's QPS. Run: node tools/scripts/run.mjs bench/scale-1000-rooms.bench.ts [rooms] [qps]
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const rooms = Number(process.argv[2] ?? 1000);
const qps = Number(process.argv[3] ?? 100);
const root = path.resolve(__dirname, '..');
const suffix = randomBytes(3).toString('hex');
const api = 'http://127.0.0.1:28080';
const kube = 'http://127.0.0.1:28001';

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main(): Promise<void> {
  const system = spawn(process.execPath, [path.join(root, 'tools/scripts/start.mjs')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      KUBE_SIM_PORT: '28001',
      KUBE_SIM_KUBECONFIG: path.join(root, 'tmp', `bench-${suffix}`, 'kubeconfig.yaml'),
      KUBE_SIM_NODES: '10',
      KUBE_SIM_NODE_PODS: String(Math.ceil(rooms / 10) + 20),
      MANAGEMENT_API_PORT: '28080',
      ROOMS_API_PORT: '28070',
      WORKER_INTERNAL_PORT: '28051',
      MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: `postgres://postgres@127.0.0.1:5432/maestro_bench_${suffix}`,
      MAESTRO_ADAPTERS_REDIS_KEYPREFIX: `bench:${suffix}:`,
      MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_QPS: String(qps),
      MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_BURST: String(qps * 2),
      MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_ENABLED: 'false',
      MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '1s',
      MAESTRO_LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  system.stdout?.on('data', (chunk) => (output += chunk));
  try {
    await until(async () => (output.includes('press Ctrl-C to stop') ? true : undefined), 90_000);
    const body = {
      name: 'bench-fleet',
      game: 'bench',
      maxSurge: '10%',
      roomsReplicas: rooms,
      portRange: { start: 20000, end: 60000 },
      spec: {
        terminationGracePeriod: '1s',
        containers: [
          {
            name: 'room',
            image: 'maestro/room-simulator:1',
            imagePullPolicy: 'IfNotPresent',
            environment: [{ name: 'ROOM_READY_AFTER_MS', value: '500' }, { name: 'ROOM_PING_INTERVAL_MS', value: '30000' }],
            requests: { memory: '1Mi', cpu: '1m' },
            limits: { memory: '2Mi', cpu: '2m' },
            ports: [{ name: 'game', protocol: 'udp', port: 7777 }],
          },
        ],
      },
    };
    const started = Date.now();
    await fetch(`${api}/schedulers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const firstPod = await until(async () => ((await (await fetch(`${kube}/api/v1/namespaces/bench-fleet/pods?limit=1`)).json()) as { items: unknown[] }).items.length > 0 ? Date.now() : undefined, 120_000);
    const allPods = await until(async () => ((await (await fetch(`${kube}/api/v1/namespaces/bench-fleet/pods`)).json()) as { items: unknown[] }).items.length >= rooms ? Date.now() : undefined, 600_000);
    const allReady = await until(async () => {
      const info = (await (await fetch(`${api}/schedulers/info?game=bench`)).json()) as { schedulers: { roomsReady: number }[] };
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
    system.kill('SIGINT');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
