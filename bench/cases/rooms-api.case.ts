/**
 * Ping and allocation through the rooms API, each beside its floor: a bare Fastify route doing the
 * path's one Lua round trip on the same Redis, with a client of the rooms API's own ioredis options,
 * loaded by the same generator (autocannon in a worker thread, off the servers' event loop, same
 * connection count), in alternating rounds. The ratio is of the medians of the rounds.
 * Correctness checks: every room answers its first ping with success, and no room is allocated twice.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadConfig } from '@maestro/config';
import { roomStatusToInt, roomToken } from '@maestro/domain';
import { bootstrapApp } from '@maestro/platform';
import {
  PostgresSchedulerStorage,
  RedisInstanceStorage,
  RedisRoomStorage,
  STORAGE_READINESS,
  createDataSource,
  redisClientOptions,
  roomKeys,
} from '@maestro/storage';
import { TEST_REDIS_URL, aGameRoom, aScheduler, anInstance, createTestDatabase, createTestRedis } from '@maestro/testing';
import { RoomsApiRoot } from '../../apps/rooms-api/src/rooms-api.root';
import type { Row } from '../support/report';

export interface RoomsApiOptions {
  schedulers: number;
  roomsPerScheduler: number;
  /** Seconds of each timed ping round, and rounds of each side (ping and allocation). */
  seconds: number;
  rounds: number;
  /** Connections of the load generator, the same for both sides (32 by default). */
  connections: number;
}

/** The load generator's connections unless told otherwise. */
export const DEFAULT_CONNECTIONS = 32;
const READY = roomStatusToInt('ready');
const ALLOCATED = roomStatusToInt('allocated');

/**
 * The ping's floor: checks the room is in the status set, writes its metadata and ping status, its
 * ping time, its occupancy and its status score. KEYS: hash, status, ping, occupancy; ARGV: room,
 * metadata, ping status, now, running matches, status score.
 */
const FLOOR_PING = `
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'metadata', ARGV[2], 'ping_status', ARGV[3])
redis.call('ZADD', KEYS[3], 'XX', ARGV[4], ARGV[1])
redis.call('ZADD', KEYS[4], 'XX', ARGV[5], ARGV[1])
redis.call('ZADD', KEYS[2], 'XX', ARGV[6], ARGV[1])
return 1`;

/** The allocation's floor: takes a ready room. KEYS: status set, hash prefix; ARGV: ready, allocated, now. */
const FLOOR_ALLOCATE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
if #ids == 0 then return false end
redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ids[1])
redis.call('HSET', KEYS[2] .. ids[1], 'allocated_at', ARGV[3])
return ids[1]`;

/** Every room of a status set back to ready (between allocation rounds). KEYS: status set; ARGV: ready. */
const ALL_READY = `
local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
for i = 1, #ids do redis.call('ZADD', KEYS[1], 'XX', ARGV[1], ids[i]) end
return #ids`;

interface FloorRedis extends Redis {
  floorPing(...args: (string | number)[]): Promise<number>;
  floorAllocate(...args: (string | number)[]): Promise<string | null>;
  allReady(...args: (string | number)[]): Promise<number>;
}

interface Measure {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** CPU time per request of this process (servers and load generator) and of the Redis server, in µs. */
  nodeUsPerRequest: number;
  redisUsPerRequest: number;
  /** Redis reads (batches received) and commands per request, the servers' and the harness's. */
  redisReadsPerRequest: number;
  redisCommandsPerRequest: number;
}

/**
 * The Redis server's CPU time so far (user + system, µs), and the reads it processed (one per
 * batch a client wrote) and commands, from INFO CPU and INFO STATS.
 */
async function redisCounters(redis: Redis): Promise<{ cpuUs: number; reads: number; commands: number }> {
  const info = `${await redis.info('cpu')}${await redis.info('stats')}`;
  const field = (name: string) => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return {
    cpuUs: (field('used_cpu_user') + field('used_cpu_sys')) * 1e6,
    reads: field('total_reads_processed'),
    commands: field('total_commands_processed'),
  };
}

// The load runs in a worker thread of its own (autocannon workers); the request paths and tokens come
// from a file, as workers mode requires (support/rooms-api-requests.cjs, configured by these variables).
const REQUESTS_FILE = path.join(__dirname, '..', 'support', 'rooms-api-requests.cjs');

async function load(
  url: string,
  method: 'PUT' | 'POST',
  body: string,
  run: ({ duration: number } | { amount: number }) & { connections: number },
  redis: Redis,
): Promise<Measure> {
  const [cpuBefore, redisBefore] = [process.cpuUsage(), await redisCounters(redis)];
  const result = await autocannon({
    url,
    method,
    workers: 1,
    // A run ends on a sample: with autocannon's default of one a second, 10,000 allocations taking
    // 1.2 s were timed as 2.01 s (every allocation round read 4,975 req/s, whatever the side).
    sampleInt: 20,
    ...run,
    headers: { 'content-type': 'application/json' },
    requests: [{ method, body, setupRequest: REQUESTS_FILE }],
  });
  const cpu = process.cpuUsage(cpuBefore);
  const redisAfter = await redisCounters(redis);
  const perRequest = (us: number) => Math.round(us / Math.max(1, result.requests.total));
  const ratio = (n: number) => Math.round((100 * n) / Math.max(1, result.requests.total)) / 100;
  return {
    nodeUsPerRequest: perRequest(cpu.user + cpu.system),
    redisUsPerRequest: perRequest(redisAfter.cpuUs - redisBefore.cpuUs),
    redisReadsPerRequest: ratio(redisAfter.reads - redisBefore.reads),
    redisCommandsPerRequest: ratio(redisAfter.commands - redisBefore.commands),
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * With BENCH_PROFILE_DIR set, a CPU profile of this process's main thread (the servers) while `run`
 * goes, written as <dir>/<name>.cpuprofile (read it with bench/profile-summary.cli.ts); with
 * BENCH_PROFILE_HEAP=1 as well, a sampling heap profile instead (<dir>/<name>.heapprofile: every
 * allocation sampled, collected or not, for the bytes each function allocates per request).
 */
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return run();
  const heap = process.env.BENCH_PROFILE_HEAP === '1';
  const session = new Session();
  session.connect();
  if (heap) {
    await session.post('HeapProfiler.enable');
    // The two flags keep the samples of objects collected since: what a request allocates, not what it keeps.
    const sampling = { samplingInterval: 1024, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true };
    await session.post('HeapProfiler.startSampling', sampling);
  } else {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  try {
    return await run();
  } finally {
    mkdirSync(dir, { recursive: true });
    const profile = heap ? (await session.post('HeapProfiler.stopSampling')).profile : (await session.post('Profiler.stop')).profile;
    writeFileSync(path.join(dir, `${name}.${heap ? 'heapprofile' : 'cpuprofile'}`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** Throughput ÷ floor (medians of the rounds) and p99 of one path, against the targets of issue 17. */
function sideBySide(path: string, runs: { app: Measure[]; floor: Measure[] }): Row[] {
  const app = median(runs.app);
  const floor = median(runs.floor);
  const ratio = app.requestsPerSecond / floor.requestsPerSecond;
  const rate = (m: Measure) => `${m.requestsPerSecond.toLocaleString('en')} req/s, p99 ${m.p99Ms} ms`;
  return [
    {
      case: path,
      measure: 'throughput ÷ floor (median of rounds)',
      ours: rate(app),
      floor: rate(floor),
      value: ratio.toFixed(2),
      target: '≥ 0.80',
      ok: ratio >= 0.8,
      kind: 'target',
    },
    {
      case: path,
      measure: 'p99 latency',
      ours: `${app.p99Ms} ms`,
      floor: `${floor.p99Ms} ms`,
      value: `${app.p99Ms} ms`,
      target: '≤ 10 ms',
      ok: app.p99Ms <= 10,
      kind: 'target',
    },
  ];
}

const median = (runs: Measure[]): Measure => [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)];

export async function roomsApiCase(options: RoomsApiOptions, log: (line: string) => void): Promise<Row[]> {
  const { schedulers, roomsPerScheduler, seconds, rounds, connections } = options;
  const total = schedulers * roomsPerScheduler;
  process.env.BENCH_SCHEDULERS = String(schedulers);
  process.env.BENCH_ROOMS_PER_SCHEDULER = String(roomsPerScheduler);
  // Authentication on, as by default: every ping carries its room's token, every allocation a token.
  process.env.BENCH_ROOMS_SECRET = randomBytes(32).toString('base64url');
  process.env.BENCH_ADMIN_TOKEN = randomBytes(32).toString('base64url');

  const [db, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
  const dataSource = createDataSource({ url: db.url });
  await dataSource.initialize();
  const rooms = new RedisRoomStorage(redis.client, redis.keyPrefix);
  const instances = new RedisInstanceStorage(redis.client, redis.keyPrefix);
  const names = Array.from({ length: schedulers }, (_, s) => `bench-${s}`);
  log(`rooms-api: ${total.toLocaleString('en')} rooms over ${schedulers} schedulers`);
  for (const name of names) {
    await new PostgresSchedulerStorage(dataSource).createScheduler(aScheduler().withName(name).build());
    await Promise.all(
      Array.from({ length: roomsPerScheduler }, async (_, r) => {
        await rooms.createRoom(aGameRoom({ id: `room-${r}`, schedulerId: name, status: 'ready', pingStatus: 'ready', lastPingAt: new Date() }));
        await instances.upsertInstance(anInstance({ id: `room-${r}`, schedulerId: name }));
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

  const keys = roomKeys(redis.keyPrefix);
  const floorRedis = new Redis(TEST_REDIS_URL, redisClientOptions(TEST_REDIS_URL, { autoPipelining: true })) as FloorRedis;
  floorRedis.defineCommand('floorPing', { numberOfKeys: 4, lua: FLOOR_PING });
  floorRedis.defineCommand('floorAllocate', { numberOfKeys: 2, lua: FLOOR_ALLOCATE });
  floorRedis.defineCommand('allReady', { numberOfKeys: 1, lua: ALL_READY });
  const floor = Fastify();
  floor.put<{ Params: { s: string; r: string }; Body: { status: string; runningMatches: number; metadata?: unknown } }>(
    '/scheduler/:s/rooms/:r/ping',
    async (request) => {
      const { s, r } = request.params;
      const { runningMatches, metadata } = request.body;
      const now = Math.floor(Date.now() / 1000);
      const found = await floorRedis.floorPing(
        keys.room(s, r),
        keys.statuses(s),
        keys.pings(s),
        keys.occupancy(s),
        r,
        JSON.stringify(metadata ?? {}),
        1,
        now,
        runningMatches,
        READY,
      );
      return { success: found === 1 };
    },
  );
  floor.post<{ Params: { s: string } }>('/scheduler/:s/rooms/allocate', async (request, reply) => {
    const { s } = request.params;
    const id = await floorRedis.floorAllocate(keys.statuses(s), keys.room(s, ''), READY, ALLOCATED, Math.floor(Date.now() / 1000));
    if (!id) return reply.code(500).send({ success: false });
    return { roomId: id, success: true };
  });
  await floor.listen({ port: 0, host: '127.0.0.1' });
  const floorUrl = `http://127.0.0.1:${(floor.server.address() as AddressInfo).port}`;

  try {
    // Correctness first: every room pinged once through the rooms API, each answer read.
    const pingBody = JSON.stringify({ status: 'ready', timestamp: 1, runningMatches: 0 });
    let pingedWithSuccess = 0;
    const secret = String(process.env.BENCH_ROOMS_SECRET);
    for (let r = 0; r < roomsPerScheduler; r += 10) {
      const batch = names.flatMap((s) => Array.from({ length: Math.min(10, roomsPerScheduler - r) }, (_, k) => [s, `room-${r + k}`]));
      const answers = await Promise.all(
        batch.map(async ([s, room]) => {
          const response = await fetch(`${appUrl}/scheduler/${s}/rooms/${room}/ping`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${roomToken(secret, s, room)}` },
            body: pingBody,
          });
          return (await response.json()) as { success?: boolean };
        }),
      );
      pingedWithSuccess += answers.filter((answer) => answer.success === true).length;
    }

    log('rooms-api: ping rounds');
    await load(appUrl, 'PUT', pingBody, { duration: 2, connections }, floorRedis); // warm-up of both
    await load(floorUrl, 'PUT', pingBody, { duration: 2, connections }, floorRedis);
    const pings = { app: [] as Measure[], floor: [] as Measure[] };
    for (let round = 0; round < rounds; round++) {
      pings.app.push(await profiled(`ping-app-${round}`, () => load(appUrl, 'PUT', pingBody, { duration: seconds, connections }, floorRedis)));
      pings.floor.push(await profiled(`ping-floor-${round}`, () => load(floorUrl, 'PUT', pingBody, { duration: seconds, connections }, floorRedis)));
    }

    // Allocation rounds: every room ready, then `total` allocations (one per room: none should fail);
    // the rooms now allocated must number the successful answers, or some room was given twice.
    log('rooms-api: allocation rounds');
    const allReady = () => Promise.all(names.map((s) => floorRedis.allReady(keys.statuses(s), READY)));
    const allocatedCount = async () =>
      (await Promise.all(names.map((s) => floorRedis.zcount(keys.statuses(s), ALLOCATED, ALLOCATED)))).reduce((a, b) => a + b, 0);
    const allocations = { app: [] as Measure[], floor: [] as Measure[] };
    let doubleAllocations = 0;
    let failedAllocations = 0;
    for (let round = 0; round < rounds; round++) {
      for (const side of ['app', 'floor'] as const) {
        await allReady();
        const measure = await load(side === 'app' ? appUrl : floorUrl, 'POST', '{}', { amount: total, connections }, floorRedis);
        const succeeded = measure.requests - measure.non2xx;
        const allocated = await allocatedCount();
        if (side === 'app') {
          doubleAllocations += Math.max(0, succeeded - allocated);
          failedAllocations += total - succeeded;
        }
        allocations[side].push(measure);
      }
    }
    // And once with every answer read, 50 at a time: each room id at most once.
    await allReady();
    const answered: string[] = [];
    for (let i = 0; i < Math.min(total, 2000); i += 50) {
      const batch = Array.from({ length: 50 }, (_, k) => names[(i + k) % schedulers]);
      const ids = await Promise.all(
        batch.map(async (s) => {
          const response = await fetch(`${appUrl}/scheduler/${s}/rooms/allocate`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.BENCH_ADMIN_TOKEN}` },
            body: '{}',
          });
          return `${s}/${((await response.json()) as { roomId?: string }).roomId}`;
        }),
      );
      answered.push(...ids);
    }
    doubleAllocations += answered.length - new Set(answered).size;

    const roundsOf = (runs: Measure[]) =>
      runs.map((m) => `${m.requestsPerSecond}${m.non2xx + m.errors > 0 ? ` (${m.non2xx} non-2xx, ${m.errors} errors)` : ''}`).join(' ');
    // Where each request's time goes: this process (servers and load generator alike) and Redis.
    const cpuOf = (runs: Measure[]) => {
      const m = median(runs);
      return `node ${m.nodeUsPerRequest} µs, redis ${m.redisUsPerRequest} µs (${m.redisReadsPerRequest} reads, ${m.redisCommandsPerRequest} commands)`;
    };
    log(`rooms-api: ping rounds (req/s) ${roundsOf(pings.app)} vs floor ${roundsOf(pings.floor)}`);
    log(`rooms-api: allocation rounds (req/s) ${roundsOf(allocations.app)} vs floor ${roundsOf(allocations.floor)}`);
    log(`rooms-api: CPU per ping: ${cpuOf(pings.app)} vs floor ${cpuOf(pings.floor)}`);
    log(`rooms-api: CPU per allocation: ${cpuOf(allocations.app)} vs floor ${cpuOf(allocations.floor)}`);
    return [
      ...sideBySide('ping', pings),
      {
        case: 'ping',
        measure: 'rooms answering success',
        ours: `${pingedWithSuccess}/${total}`,
        floor: '',
        value: String(pingedWithSuccess),
        target: `= ${total}`,
        ok: pingedWithSuccess === total,
        kind: 'check',
      },
      ...sideBySide('allocation', allocations),
      {
        case: 'allocation',
        measure: 'rooms allocated twice',
        ours: String(doubleAllocations),
        floor: '',
        value: String(doubleAllocations),
        target: '= 0',
        ok: doubleAllocations === 0,
        kind: 'check',
      },
      {
        case: 'allocation',
        measure: 'allocations refused with rooms ready',
        ours: String(failedAllocations),
        floor: '',
        value: String(failedAllocations),
        target: '= 0',
        ok: failedAllocations === 0,
        kind: 'check',
      },
    ];
  } finally {
    await floor.close();
    floorRedis.disconnect();
    await app.close();
    await dataSource.destroy();
    await Promise.all([db.drop(), redis.cleanup()]);
  }
}
