import {
  type ExecutionContext,
  type SwitchActiveVersionInput,
  type Scheduler,
  type SchedulerStorage,
  SchedulerLookup,
  SwitchActiveVersionExecutor,
  silentLogger,
  systemClock,
} from '@maestro/domain';
import { aForwarder, anOperation, aScheduler, createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@maestro/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../postgres/data-source';
import { PostgresSchedulerStorage } from '../postgres/postgres-scheduler.storage';
import { RedisRoomStorage } from './redis-room.storage';
import { RedisSchedulerCache } from './redis-scheduler.cache';

/** Postgres reads that stop after the read, before the caller goes on, until released. */
function pausedAfterRead(storage: SchedulerStorage) {
  let signalRead: () => void = () => undefined;
  let release: () => void = () => undefined;
  const read = new Promise<void>((resolve) => (signalRead = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const paused: SchedulerStorage = Object.assign(Object.create(storage) as SchedulerStorage, {
    getScheduler: async (name: string): Promise<Scheduler> => {
      const scheduler = await storage.getScheduler(name);
      signalRead();
      await released;
      return scheduler;
    },
  });
  return { storage: paused, read, release };
}

describe('scheduler cache around a switch of the active version (Postgres and Redis)', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let dataSource: DataSource;
  let postgres: PostgresSchedulerStorage;
  let cache: RedisSchedulerCache;
  const TTL_MS = 120_000;

  beforeAll(async () => {
    [db, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
    dataSource = createDataSource({ url: db.url });
    await dataSource.initialize();
    postgres = new PostgresSchedulerStorage(dataSource);
    cache = new RedisSchedulerCache(redis.client, redis.keyPrefix);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await redis.cleanup();
    await db.drop();
  });

  /** A scheduler at v1.0.0 without forwarders, and its stored v1.1.0 that adds one. */
  async function schedulerWithNextVersion(name: string): Promise<void> {
    await postgres.createScheduler(aScheduler().withName(name).withVersion('v1.0.0').build());
    await postgres.createSchedulerVersion(aScheduler().withName(name).withVersion('v1.1.0').withForwarders(aForwarder()).build());
  }

  /** switch_active_version as the worker runs it, with the worker's own lookup. */
  async function switchTo(name: string, version: string): Promise<void> {
    const worker = new SchedulerLookup(cache, postgres, TTL_MS);
    const context: ExecutionContext<SwitchActiveVersionInput> = {
      operation: anOperation({ schedulerName: name, definitionName: 'switch_active_version', input: { newActiveVersion: version } }),
      input: { newActiveVersion: version },
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async () => undefined,
    };
    const rooms = new RedisRoomStorage(redis.client, redis.keyPrefix);
    await new SwitchActiveVersionExecutor({ schedulers: postgres, lookup: worker, rooms, clock: systemClock }).execute(context);
  }

  const cachedVersion = async (name: string) => {
    const json = await redis.client.get(`${redis.keyPrefix}scheduler:${name}`);
    return json === null ? null : (JSON.parse(json) as { Spec: { Version: string } }).Spec.Version;
  };

  it('keeps out the old version a reader read from Postgres before the switch committed', async () => {
    await schedulerWithNextVersion('raced');
    const paused = pausedAfterRead(postgres);
    const reading = new SchedulerLookup(cache, paused.storage, TTL_MS).get('raced');
    await paused.read;
    await switchTo('raced', 'v1.1.0');
    paused.release();
    expect((await reading).spec.version).toBe('v1.0.0');
    expect(await cachedVersion('raced')).toBeNull();
    const after = await new SchedulerLookup(cache, postgres, TTL_MS).get('raced');
    expect(after.spec.version).toBe('v1.1.0');
    expect(after.forwarders).toHaveLength(1);
    expect(await cachedVersion('raced')).toBe('v1.1.0');
  });

  it('lets a reader that read after the switch fill the cache with the new version', async () => {
    await schedulerWithNextVersion('after');
    await switchTo('after', 'v1.1.0');
    const paused = pausedAfterRead(postgres);
    const reading = new SchedulerLookup(cache, paused.storage, TTL_MS).get('after');
    await paused.read;
    paused.release();
    expect((await reading).spec.version).toBe('v1.1.0');
    expect(await cachedVersion('after')).toBe('v1.1.0');
  });

  it("does not let another process's in-memory copy outlive the switch", async () => {
    await schedulerWithNextVersion('memo');
    const roomsApi = new SchedulerLookup(cache, postgres, TTL_MS, 60_000);
    expect((await roomsApi.get('memo')).spec.version).toBe('v1.0.0');
    await switchTo('memo', 'v1.1.0');
    const seen = await roomsApi.get('memo');
    expect(seen.spec.version).toBe('v1.1.0');
    expect(seen.forwarders).toHaveLength(1);
  });
});
