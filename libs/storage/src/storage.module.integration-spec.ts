import {
  INSTANCE_STORAGE,
  OPERATION_CANCELLATION,
  OPERATION_FLOW,
  OPERATION_LEASE,
  OPERATION_STORAGE,
  PING_RECORDER,
  ROOM_ALLOCATOR,
  ROOM_STORAGE,
  StoreByStoreAllocator,
  StoreByStorePingRecorder,
  SCHEDULER_CACHE,
  SCHEDULER_STORAGE,
} from '@maestro/domain';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { aScheduler, createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@maestro/testing';
import { BullOperationFlow } from './bull/bull-operation.flow';
import { PostgresSchedulerStorage } from './postgres/postgres-scheduler.storage';
import { RedisInstanceStorage } from './redis/redis-instance.storage';
import { RedisOperationCancellation } from './redis/redis-operation.cancellation';
import { RedisOperationLease } from './redis/redis-operation.lease';
import { RedisOperationStorage } from './redis/redis-operation.storage';
import { RedisPingRecorder } from './redis/redis-ping.recorder';
import { RedisReadyRoomAllocator } from './redis/redis-ready-room.allocator';
import { RedisRoomStorage } from './redis/redis-room.storage';
import { RedisSchedulerCache } from './redis/redis-scheduler.cache';
import { type ReadinessCheck, Storage, checkReadiness } from './storage';
import { STORAGE, STORAGE_OPTIONS, STORAGE_READINESS, StorageModule } from './storage.module';
import type { StorageOptions } from './storage.options';

const APP_OPTIONS = Symbol('AppOptions');

describe('StorageModule', () => {
  let db: TestDatabase;
  let redis: TestRedis;

  beforeAll(async () => {
    [db, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
  });

  afterAll(async () => {
    await redis.cleanup();
    await db.drop();
  });

  async function compile(overrides: Partial<StorageOptions> = {}) {
    const options: StorageOptions = { postgresUrl: db.url, redisUrl: redis.url, keyPrefix: redis.keyPrefix, schedulerCacheTtlMs: 120_000, ...overrides };
    @Module({ providers: [{ provide: APP_OPTIONS, useValue: options }], exports: [APP_OPTIONS] })
    class AppOptionsModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [StorageModule.forRootAsync({ imports: [AppOptionsModule], inject: [APP_OPTIONS], useFactory: (o: StorageOptions) => o })],
    }).compile();
    moduleRef.enableShutdownHooks();
    return moduleRef;
  }

  it('binds every port token to its adapter and exposes the options', async () => {
    const moduleRef = await compile();
    try {
      expect(moduleRef.get(SCHEDULER_STORAGE)).toBeInstanceOf(PostgresSchedulerStorage);
      expect(moduleRef.get(SCHEDULER_CACHE)).toBeInstanceOf(RedisSchedulerCache);
      expect(moduleRef.get(ROOM_STORAGE)).toBeInstanceOf(RedisRoomStorage);
      expect(moduleRef.get(INSTANCE_STORAGE)).toBeInstanceOf(RedisInstanceStorage);
      expect(moduleRef.get(ROOM_ALLOCATOR)).toBeInstanceOf(RedisReadyRoomAllocator);
      expect(moduleRef.get(PING_RECORDER)).toBeInstanceOf(RedisPingRecorder);
      expect(moduleRef.get(OPERATION_STORAGE)).toBeInstanceOf(RedisOperationStorage);
      expect(moduleRef.get(OPERATION_FLOW)).toBeInstanceOf(BullOperationFlow);
      expect(moduleRef.get(OPERATION_CANCELLATION)).toBeInstanceOf(RedisOperationCancellation);
      expect(moduleRef.get(OPERATION_LEASE)).toBeInstanceOf(RedisOperationLease);
      expect(moduleRef.get<StorageOptions>(STORAGE_OPTIONS).schedulerCacheTtlMs).toBe(120_000);
      await moduleRef.get<PostgresSchedulerStorage>(SCHEDULER_STORAGE).createScheduler(aScheduler().withName('wired').build());
      const cache = moduleRef.get<RedisSchedulerCache>(SCHEDULER_CACHE);
      await cache.setScheduler(aScheduler().withName('wired').build(), 1_000, (await cache.read('wired')).generation);
      expect(await redis.client.exists(`${redis.keyPrefix}scheduler:wired`)).toBe(1);
    } finally {
      await moduleRef.close();
    }
  });

  it('allocates and records pings store by store when instances live on another Redis than rooms', async () => {
    const elsewhere = new URL(redis.url);
    elsewhere.hostname = elsewhere.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const moduleRef = await compile({ redis: { instances: elsewhere.toString() } });
    try {
      expect(moduleRef.get(ROOM_ALLOCATOR)).toBeInstanceOf(StoreByStoreAllocator);
      expect(moduleRef.get(PING_RECORDER)).toBeInstanceOf(StoreByStorePingRecorder);
    } finally {
      await moduleRef.close();
    }
  });

  it('reports Postgres and Redis ready, and closes every connection on shutdown', async () => {
    const moduleRef = await compile();
    const checks = moduleRef.get<ReadinessCheck[]>(STORAGE_READINESS);
    expect(checks.map((c) => c.name)).toEqual(['postgres', 'redis 127.0.0.1:6379']);
    await expect(checkReadiness(checks)).resolves.toBeUndefined();
    const storage = moduleRef.get<Storage>(STORAGE);
    await moduleRef.close();
    expect(storage.dataSource.isInitialized).toBe(false);
    await expect(storage.checkReadiness()).rejects.toThrow('not ready: postgres, redis 127.0.0.1:6379');
  });

  it('names what is not ready', async () => {
    const failing: ReadinessCheck[] = [
      { name: 'postgres', check: async () => undefined },
      { name: 'redis x', check: () => Promise.reject(new Error('down')) },
    ];
    await expect(checkReadiness(failing)).rejects.toThrow('not ready: redis x');
  });
});
