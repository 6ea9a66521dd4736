/**
 * Pings of 10,000 rooms over 10 schedulers against the rooms API, then the same load against a
 * baseline (a bare Fastify route doing the ping's Redis writes), with the ratio; then allocation
 * throughput. Uses the real Postgres and Redis. Run: node tools/scripts/run.mjs bench/rooms-api-ping.bench.ts [seconds]
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@maestro/config';
import { bootstrapApp } from '@maestro/platform';
import { PostgresSchedulerStorage, RedisInstanceStorage, RedisKeys, RedisRoomStorage, STORAGE_READINESS, createDataSource } from '@maestro/storage';
import { aGameRoom, aScheduler, anInstance, createTestDatabase, createTestRedis } from '@maestro/testing';
import { RoomsApiRoot } from '../apps/rooms-api/src/rooms-api.root';

const SCHEDULERS = 10;
const ROOMS_PER_SCHEDULER = 1000;
const seconds = Number(process.argv[2] ?? 10);

async function load(url: string, method: 'PUT' | 'POST', path: (i: number) => string, body: string, duration = seconds) {
  let i = 0;
  const result = await autocannon({
    url,
    method,
    connections: 32,
    duration,
    headers: { 'content-type': 'application/json' },
    requests: [{ method, body, setupRequest: (req) => ({ ...req, path: path(i++) }) }],
  });
  return { requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

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
  const env = { MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: db.url, MAESTRO_ADAPTERS_REDIS_KEYPREFIX: redis.keyPrefix, MAESTRO_LOG_LEVEL: 'error' };
  const app = await bootstrapApp(RoomsApiRoot.forConfig(env, loadConfig(env, 'rooms-api')), { port: 0, internalPort: 0, host: '127.0.0.1', readinessToken: STORAGE_READINESS });
  const appUrl = `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
  const pingPath = (i: number) => `/scheduler/bench-${i % SCHEDULERS}/rooms/room-${Math.floor(i / SCHEDULERS) % ROOMS_PER_SCHEDULER}/ping`;
  const pingBody = JSON.stringify({ status: 'ready', timestamp: 1, runningMatches: 0 });

  const baseline = Fastify();
  baseline.put<{ Params: { s: string; r: string } }>('/scheduler/:s/rooms/:r/ping', async (request) => {
    const { s, r } = request.params;
    const now = Math.floor(Date.now() / 1000);
    await redis.client
      .multi()
      .hset(keys.room(s, r), 'metadata', '{}', 'ping_status', '1')
      .zadd(keys.roomPings(s), 'XX', 'CH', now, r)
      .zadd(keys.roomOccupancy(s), 'XX', 'CH', 0, r)
      .exec();
    return { success: true };
  });
  await baseline.listen({ port: 0, host: '127.0.0.1' });
  const baselineUrl = `http://127.0.0.1:${(baseline.server.address() as AddressInfo).port}`;

  await load(appUrl, 'PUT', pingPath, pingBody, 2); // warm-up
  const roomsApi = await load(appUrl, 'PUT', pingPath, pingBody);
  const bare = await load(baselineUrl, 'PUT', pingPath, pingBody);
  const allocation = await load(appUrl, 'POST', (i) => `/scheduler/bench-${i % SCHEDULERS}/rooms/allocate`, '{}', Math.min(5, seconds));
  console.log(
    JSON.stringify(
      {
        rooms: SCHEDULERS * ROOMS_PER_SCHEDULER,
        pings: { roomsApi, baseline: bare, ratio: Number((roomsApi.requestsPerSecond / bare.requestsPerSecond).toFixed(2)) },
        allocation: { ...allocation, note: 'answers 500 once the 10,000 ready rooms are allocated' },
      },
      null,
      2,
    ),
  );
  await baseline.close();
  await app.close();
  await dataSource.destroy();
  await Promise.all([db.drop(), redis.cleanup()]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
