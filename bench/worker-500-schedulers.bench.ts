/**
 * One worker with many schedulers (default 500 x 4 simulated rooms) on the whole running system:
 * reports the worker's RSS, Redis client connections and health-controller timings (how long one
 * run takes, and the period achieved against the configured interval).
 * Run: node tools/scripts/run.mjs bench/worker-500-schedulers.bench.ts [schedulers] [rooms]
 */
import { execFileSync } from 'node:child_process';
import Redis from 'ioredis';
import { createScheduler, simulatedScheduler, startSystem, until } from './support/running-system';

const schedulers = Number(process.argv[2] ?? 500);
const roomsEach = Number(process.argv[3] ?? 4);
const HC_INTERVAL_S = 5;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;

async function main(): Promise<void> {
  const system = await startSystem({
    portBase: 38000,
    nodes: 10,
    podsPerNode: Math.ceil((schedulers * roomsEach) / 10) + 20,
    env: { MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: `${HC_INTERVAL_S}s`, MAESTRO_WORKERS_SYNCINTERVAL: '2s' },
  });
  const { api, authorization } = system;
  try {
    const clientsBefore = redisClients();
    const body = (name: string) => simulatedScheduler(name, 'bench-many', roomsEach, { ROOM_PING_INTERVAL_MS: '20000' });
    const started = Date.now();
    for (let i = 0; i < schedulers; i++) {
      await createScheduler(api, authorization, body(`many-${i}`));
    }
    const total = schedulers * roomsEach;
    const ready = await until(
      async () => {
        const info = (await (await fetch(`${api}/schedulers/info?game=bench-many`, { headers: { authorization } })).json()) as {
          schedulers: { roomsReady: number }[];
        };
        const sum = info.schedulers.reduce((n, s) => n + s.roomsReady, 0);
        return sum >= total ? Date.now() : undefined;
      },
      900_000,
      500,
    );
    // Let a few health-controller rounds run on the settled fleet, then read their timings.
    await new Promise((resolve) => setTimeout(resolve, 3 * HC_INTERVAL_S * 1000));
    // Health controllers that found nothing to do sit in the no-action list: read their histories.
    const redis = new Redis('redis://127.0.0.1:6379/0');
    const durations: number[] = [];
    const periods: number[] = [];
    for (let i = 0; i < schedulers; i++) {
      const prefix = `${system.redisPrefix}operations:many-${i}`;
      const ids = await redis.zrange(`${prefix}:lists:noaction`, 0, -1);
      const starts: number[] = [];
      for (const id of ids) {
        const hash = await redis.hgetall(`${prefix}:${id}`);
        if (hash.definitionName !== 'health_controller') continue;
        const history = JSON.parse(hash.executionHistory || '[]') as { CreatedAt: string; Event: string }[];
        const at = (event: string) => Date.parse(history.find((e) => e.Event === event)?.CreatedAt ?? '');
        const [created, start, end] = [at('Created'), at('Starting operation'), at('Operation finished')];
        if (Number.isFinite(start) && Number.isFinite(end)) durations.push(end - start);
        if (Number.isFinite(created)) starts.push(created);
      }
      starts.sort((a, b) => a - b);
      for (let k = 1; k < starts.length; k++) periods.push((starts[k] - starts[k - 1]) / 1000);
    }
    redis.disconnect();
    const rss = workerRssBytes();
    console.log(
      JSON.stringify(
        {
          schedulers,
          rooms: total,
          secondsToAllReady: (ready - started) / 1000,
          workerRssMiB: Math.round(rss / 2 ** 20),
          redisClients: { before: clientsBefore, after: redisClients() },
          healthControllerIntervalSeconds: HC_INTERVAL_S,
          healthControllerRuns: durations.length,
          healthControllerRunMs: { p50: percentile(durations, 0.5), p99: percentile(durations, 0.99) },
          achievedPeriodSeconds: { p50: percentile(periods, 0.5), p99: percentile(periods, 0.99) },
        },
        null,
        2,
      ),
    );
  } finally {
    system.stop();
  }
}

/** RSS of the worker process (the apps run as separate processes under the start script). */
function workerRssBytes(): number {
  const table = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' });
  const line = table.split('\n').find((l) => l.includes('apps/worker/src/main.ts') && !l.includes('run.mjs'));
  return Number(line?.trim().split(/\s+/)[0] ?? NaN) * 1024;
}

function redisClients(): number {
  const info = execFileSync('redis-cli', ['-h', '127.0.0.1', 'info', 'clients'], { encoding: 'utf8' });
  return Number(/connected_clients:(\d+)/.exec(info)?.[1] ?? NaN);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
