/**
 * One worker with M schedulers (simulated rooms) on the whole running system: the worker's Redis
 * connections and RSS once every room is ready, how well each scheduler's health controller keeps
 * its period (p99 of the time between two runs ÷ the interval), and how long a second worker replica
 * started against the M existing schedulers takes to answer /healthz.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import type { Row } from '../support/report';
import { childProcess, connectionsTo, createScheduler, rssBytes, simulatedScheduler, startSystem, until } from '../support/running-system';

export interface ManySchedulersOptions {
  schedulers: number;
  roomsEach: number;
  portBase: number;
}

const HC_INTERVAL_S = 5;
const REDIS_PORT = 6379;
const CREATE_CONCURRENCY = 4;
/**
 * The V8 heap limit the system runs with, as in production: Node 20 derives 259 MiB from the
 * 512 MiB memory limit of the shipped manifests (docker/k8s/base/worker.yaml). Without it, on a
 * host of 24 GiB, V8 lets the worker's heap grow to 500 MiB of mostly garbage (bench/README.md).
 */
const PRODUCTION_HEAP_MIB = 256;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;

export async function manySchedulersCase({ schedulers, roomsEach, portBase }: ManySchedulersOptions, log: (line: string) => void): Promise<Row[]> {
  log(`many schedulers: starting the system, then ${schedulers} schedulers of ${roomsEach} room(s)`);
  const system = await startSystem({
    portBase,
    nodes: 10,
    podsPerNode: Math.ceil((schedulers * roomsEach) / 10) + 20,
    env: {
      MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: `${HC_INTERVAL_S}s`,
      MAESTRO_WORKERS_SYNCINTERVAL: '2s',
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--max-old-space-size=${PRODUCTION_HEAP_MIB}`].filter(Boolean).join(' '),
    },
  });
  const { api, authorization } = system;
  try {
    const worker = childProcess(system.pid, 'apps/worker/src/main.ts');
    if (!worker) throw new Error('the worker process of the system was not found');
    const body = (name: string) => simulatedScheduler(name, 'bench-many', roomsEach, { ROOM_PING_INTERVAL_MS: '20000' });
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CREATE_CONCURRENCY }, async () => {
        while (next < schedulers) await createScheduler(api, authorization, body(`many-${next++}`));
      }),
    );
    const total = schedulers * roomsEach;
    const ready = await until(
      async () => {
        const info = (await (await fetch(`${api}/schedulers/info?game=bench-many`, { headers: { authorization } })).json()) as {
          schedulers: { roomsReady: number }[];
        };
        // A create_scheduler that failed rolled its scheduler back: its rooms never come.
        if (info.schedulers.length < schedulers) return -(schedulers - info.schedulers.length);
        return info.schedulers.reduce((n, s) => n + s.roomsReady, 0) >= total ? Date.now() : undefined;
      },
      1_800_000,
      1000,
    );
    if (ready < 0) throw new Error(`${-ready} of ${schedulers} schedulers were rolled back (their create_scheduler failed): their rooms never come`);
    log(`many schedulers: ${total} rooms ready after ${((ready - started) / 1000).toFixed(1)} s; ${3 * HC_INTERVAL_S} s of health controllers`);
    // A few health-controller periods on the settled fleet, then their timings from the operations' histories.
    await new Promise((resolve) => setTimeout(resolve, 3 * HC_INTERVAL_S * 1000));
    const connections = connectionsTo(worker, REDIS_PORT);
    const rss = rssBytes(worker);
    const heap = await heapFigures(`http://127.0.0.1:${portBase + 51}/metrics`);
    // Periods on the settled fleet (both runs after every room was ready), and over the whole run.
    const periods = await healthControllerPeriods(system.redisPrefix, schedulers, ready);
    const allPeriods = await healthControllerPeriods(system.redisPrefix, schedulers, 0);
    log(
      `many schedulers: worker heap used ${heap.used} MiB of ${heap.total} MiB; health controller periods over the whole run: ` +
        `${allPeriods.length}, p50 ${percentile(allPeriods, 0.5).toFixed(1)} s, p99 ${percentile(allPeriods, 0.99).toFixed(1)} s`,
    );

    log('many schedulers: a second worker replica against the existing schedulers');
    const healthz = await secondReplicaHealthz(system.env, portBase + 61);
    if (process.env.BENCH_HEAP_SNAPSHOT) log(`many schedulers: heap snapshot of the worker in ${await heapSnapshot(worker)}`);
    const p99 = percentile(periods, 0.99);
    const mib = Math.round(rss / 2 ** 20);
    return [
      {
        case: `${schedulers} schedulers`,
        measure: 'Redis connections of the worker',
        ours: String(connections),
        floor: '',
        value: String(connections),
        target: '≤ 50',
        ok: connections <= 50,
        kind: 'target',
      },
      {
        case: `${schedulers} schedulers`,
        measure: 'worker RSS',
        ours: `${mib} MiB`,
        floor: '',
        value: `${mib} MiB`,
        target: '≤ 400 MiB',
        ok: mib <= 400,
        kind: 'target',
      },
      {
        case: `${schedulers} schedulers`,
        measure: `health controller period p99 ÷ interval (${periods.length} periods once ready)`,
        ours: `p50 ${percentile(periods, 0.5).toFixed(1)} s, p99 ${p99.toFixed(1)} s`,
        floor: `${HC_INTERVAL_S} s`,
        value: (p99 / HC_INTERVAL_S).toFixed(2),
        target: '≤ 1.10',
        ok: p99 / HC_INTERVAL_S <= 1.1,
        kind: 'target',
      },
      {
        case: `${schedulers} schedulers`,
        measure: 'a new worker replica: start to /healthz',
        ours: `${(healthz / 1000).toFixed(1)} s`,
        floor: '',
        value: `${(healthz / 1000).toFixed(1)} s`,
        target: '≤ 10 s',
        ok: healthz <= 10_000,
        kind: 'target',
      },
      {
        case: `${schedulers} schedulers`,
        measure: 'time to every room ready',
        ours: `${((ready - started) / 1000).toFixed(1)} s`,
        floor: '',
        value: '',
        target: '',
        ok: true,
        kind: 'info',
      },
    ];
  } finally {
    await system.stop();
  }
}

/**
 * Asks the worker for a heap snapshot (it runs with `--heapsnapshot-signal=SIGUSR2` when
 * BENCH_HEAP_SNAPSHOT is set, see startSystem's NODE_OPTIONS); resolves with the file once written.
 */
async function heapSnapshot(pid: number): Promise<string> {
  const dir = path.resolve(__dirname, '../..');
  const before = new Set(readdirSync(dir));
  process.kill(pid, 'SIGUSR2');
  const file = await until(async () => readdirSync(dir).find((name) => name.endsWith(`.${pid}.0.001.heapsnapshot`) && !before.has(name)), 300_000, 1000);
  // Written once its size stops growing.
  let size = -1;
  await until(
    async () => {
      const now = statSync(path.join(dir, file)).size;
      const settled = now === size && now > 0;
      size = now;
      return settled ? true : undefined;
    },
    300_000,
    2000,
  );
  return file;
}

/** The worker's V8 heap (used and total, MiB) from its /metrics (prom-client's default metrics). */
async function heapFigures(metricsUrl: string): Promise<{ used: number; total: number }> {
  const text = await (await fetch(metricsUrl)).text();
  const value = (name: string) => Math.round(Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20);
  return { used: value('nodejs_heap_size_used_bytes'), total: value('nodejs_heap_size_total_bytes') };
}

/**
 * Seconds between consecutive health controllers of each scheduler (from the no-action list's
 * histories), counting the pairs whose first run was created at `since` (ms since the epoch) or later.
 */
async function healthControllerPeriods(redisPrefix: string, schedulers: number, since: number): Promise<number[]> {
  const redis = new Redis(`redis://127.0.0.1:${REDIS_PORT}/0`);
  const periods: number[] = [];
  try {
    for (let i = 0; i < schedulers; i++) {
      const prefix = `${redisPrefix}operations:many-${i}`;
      const ids = await redis.zrange(`${prefix}:lists:noaction`, 0, -1);
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hmget(`${prefix}:${id}`, 'definitionName', 'executionHistory');
      const starts: number[] = [];
      for (const [, fields] of (await pipeline.exec()) ?? []) {
        const [definition, history] = fields as [string | null, string | null];
        if (definition !== 'health_controller') continue;
        const created = (JSON.parse(history || '[]') as { CreatedAt: string; Event: string }[]).find((e) => e.Event === 'Created');
        if (created) starts.push(Date.parse(created.CreatedAt));
      }
      starts.sort((a, b) => a - b);
      for (let k = 1; k < starts.length; k++) if (starts[k - 1] >= since) periods.push((starts[k] - starts[k - 1]) / 1000);
    }
  } finally {
    redis.disconnect();
  }
  return periods;
}

/** Milliseconds from spawning another worker (same configuration) until its /healthz answers 200. */
async function secondReplicaHealthz(env: NodeJS.ProcessEnv, internalPort: number): Promise<number> {
  const root = path.resolve(__dirname, '../..');
  const started = Date.now();
  const replica = spawn(process.execPath, ['-r', path.join(root, 'tools/scripts/register.cjs'), 'apps/worker/src/main.ts'], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...env,
      MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG: env.KUBE_SIM_KUBECONFIG,
      MAESTRO_INTERNALAPI_PORT: String(internalPort),
    },
  });
  const exited = new Promise<void>((resolve) => replica.once('exit', () => resolve()));
  try {
    return await until(async () => ((await fetch(`http://127.0.0.1:${internalPort}/healthz`)).ok ? Date.now() - started : undefined), 120_000, 100);
  } finally {
    replica.kill('SIGTERM');
    await exited;
  }
}
