/**
 * Pings of 10,000 rooms over 10 schedulers against the rooms API, then the same load against a
 * baseline (a bare Fastify route doing the ping's Redis writes in one MULTI, on a client with the
 * rooms API's own ioredis options), in alternating rounds, with the ratio of the medians; then the
 * allocation of every ready room once (throughput and p99). Every room is first pinged once with its
 * answer checked (roomsPingedWithSuccess). The load generator runs in a worker thread, off the
 * servers' event loop. Uses the real Postgres and Redis.
 * Run: node tools/scripts/run.mjs bench/rooms-api-ping.bench.ts [seconds per round] [rounds]
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadConfig } from '@maestro/config';
import { roomToken } from '@maestro/domain';
import { bootstrapApp } from '@maestro/platform';
import {
  PostgresSchedulerStorage,
  RedisInstanceStorage,
  RedisKeys,
  RedisRoomStorage,
  STORAGE_READINESS,
  createDataSource,
  redisClientOptions,
  roomKeys,
} from '@maestro/storage';
import { TEST_REDIS_URL, aGameRoom, aScheduler, anInstance, createTestDatabase, createTestRedis } from '@maestro/testing';
import { RoomsApiRoot } from '../apps/rooms-api/src/rooms-api.root';

const SCHEDULERS = 10;
const ROOMS_PER_SCHEDULER = 1000;
const ROOMS = SCHEDULERS * ROOMS_PER_SCHEDULER;
const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);

interface Load {
  duration?: number;
  amount?: number;
}

// The load runs in a worker thread of its own (autocannon workers), so it does not share the
// server's event loop; the request paths come from a file, as workers mode requires.
const REQUESTS_FILE = path.join(__dirname, 'support', 'rooms-api-requests.cjs');
process.env.BENCH_SCHEDULERS = String(SCHEDULERS);
process.env.BENCH_ROOMS_PER_SCHEDULER = String(ROOMS_PER_SCHEDULER);
// Authentication on, as by default: every ping carries its room's token, every allocation a token.
process.env.BENCH_ROOMS_SECRET = randomBytes(32).toString('base64url');
process.env.BENCH_ADMIN_TOKEN = randomBytes(32).toString('base64url');

async function load(url: string, method: 'PUT' | 'POST', body: string, { duration = seconds, amount }: Load = {}) {
  const result = await autocannon({
    url,
    method,
    connections: 32,
    workers: 1,
    ...(amount ? { amount } : { duration }),
    headers: { 'content-type': 'application/json' },
    requests: [{ method, body, setupRequest: REQUESTS_FILE }],
  });
  return {
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

type Measure = Awaited<ReturnType<typeof load>>;
const median = (runs: Measure[]): Measure => [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)];

async function main(): Promise<void> {
  const [db, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
  const dataSource = createDataSource({ url: db.url });
  await dataSource.initialize();
  const keys = new RedisKeys(redis.keyPrefix);
  const rooms = new RedisRoomStorage(redis.client, keys);
  const instances = new RedisInstanceStorage(redis.client, keys);
  for (let s = 0; s < SCHEDULERS; s++) {
    await new PostgresSchedulerStorage(dataSource).createScheduler(aScheduler().withName(`bench-${s}`).build());
    await Promise.all(
      Array.from({ length: ROOMS_PER_SCHEDULER }, async (_, r) => {
        await rooms.createRoom(aGameRoom({ id: `room-${r}`, schedulerId: `bench-${s}`, status: 'ready', pingStatus: 'ready', lastPingAt: new Date() }));
        await instances.upsertInstance(anInstance({ id: `room-${r}`, schedulerId: `bench-${s}` }));
      }),
    );
  }
  const env = {
    MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: db.url,
    MAESTRO_ADAPTERS_REDIS_KEYPREFIX: redis.keyPrefix,
    MAESTRO_LOG_LEVEL: 'error',
    MAESTRO_ROOMSAPI_AUTH_SECRET: process.env.BENCH_ROOMS_SECRET,
    MAESTRO_API_AUTH_BOOTSTRAPTOKEN: process.env.BENCH_ADMIN_TOKEN,
  };
  const app = await bootstrapApp(RoomsApiRoot.forConfig(env, loadConfig(env, 'rooms-api')), {
    port: 0,
    internalPort: 0,
    host: '127.0.0.1',
    readinessToken: STORAGE_READINESS,
  });
  const appUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
  const pingBody = JSON.stringify({ status: 'ready', timestamp: 1, runningMatches: 0 });

  const baselineKeys = roomKeys(redis.keyPrefix);
  const baselineRedis = new Redis(TEST_REDIS_URL, redisClientOptions(TEST_REDIS_URL, { autoPipelining: true }));
  const baseline = Fastify();
  baseline.put<{ Params: { s: string; r: string } }>('/scheduler/:s/rooms/:r/ping', async (request) => {
    const { s, r } = request.params;
    const now = Math.floor(Date.now() / 1000);
    await baselineRedis
      .multi()
      .hset(baselineKeys.room(s, r), 'metadata', '{}', 'ping_status', '1')
      .zadd(baselineKeys.pings(s), 'XX', 'CH', now, r)
      .zadd(baselineKeys.occupancy(s), 'XX', 'CH', 0, r)
      .exec();
    return { success: true };
  });
  await baseline.listen({ port: 0, host: '127.0.0.1' });
  const baselineUrl = `http://127.0.0.1:${(baseline.server.address() as AddressInfo).port}`;

  // Every room once through the rooms API, answers read: the timed load below only counts statuses.
  let succeeded = 0;
  for (let r = 0; r < ROOMS_PER_SCHEDULER; r += 10) {
    const batch = Array.from(
      { length: SCHEDULERS * 10 },
      (_, k) => `${appUrl}/scheduler/bench-${k % SCHEDULERS}/rooms/room-${r + Math.floor(k / SCHEDULERS)}/ping`,
    );
    const answers = await Promise.all(
      batch.map(async (url) => {
        const [, , , , scheduler, , room] = url.split('/');
        const authorization = `Bearer ${roomToken(String(process.env.BENCH_ROOMS_SECRET), scheduler, room)}`;
        return (await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json', authorization }, body: pingBody })).json();
      }),
    );
    succeeded += answers.filter((answer) => (answer as { success?: boolean }).success === true).length;
  }
  await load(appUrl, 'PUT', pingBody, { duration: 2 }); // warm-up
  await load(baselineUrl, 'PUT', pingBody, { duration: 2 });
  const appRuns: Measure[] = [];
  const baselineRuns: Measure[] = [];
  for (let round = 0; round < rounds; round++) {
    appRuns.push(await load(appUrl, 'PUT', pingBody));
    baselineRuns.push(await load(baselineUrl, 'PUT', pingBody));
  }
  const roomsApi = median(appRuns);
  const bare = median(baselineRuns);
  // Every ready room once: 10,000 allocations, each expected to succeed.
  const allocation = await load(appUrl, 'POST', '{}', { amount: ROOMS });
  console.log(
    JSON.stringify(
      {
        rooms: ROOMS,
        roomsPingedWithSuccess: succeeded,
        roundSeconds: seconds,
        rounds,
        pings: {
          roomsApi,
          baseline: bare,
          ratio: Number((roomsApi.requestsPerSecond / bare.requestsPerSecond).toFixed(2)),
          roomsApiRounds: appRuns.map((r) => r.requestsPerSecond),
          baselineRounds: baselineRuns.map((r) => r.requestsPerSecond),
        },
        allocation,
      },
      null,
      2,
    ),
  );
  await baseline.close();
  baselineRedis.disconnect();
  await app.close();
  await dataSource.destroy();
  await Promise.all([db.drop(), redis.cleanup()]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
