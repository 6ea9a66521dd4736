import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { BullOperationFlow } from './bull/bull-operation.flow';
import { createDataSource } from './postgres/data-source';
import { PostgresSchedulerStorage } from './postgres/postgres-scheduler.storage';
import { RedisInstanceStorage } from './redis/redis-instance.storage';
import { RedisKeys } from './redis/redis-keys';
import { RedisOperationCancellation } from './redis/redis-operation.cancellation';
import { RedisOperationLease } from './redis/redis-operation.lease';
import { RedisOperationStorage } from './redis/redis-operation.storage';
import { RedisRoomStorage } from './redis/redis-room.storage';
import { RedisSchedulerCache } from './redis/redis-scheduler.cache';
import { RedisSchedulerLock } from './redis/redis-scheduler.lock';
import type { StorageOptions } from './storage.options';

/** A readiness probe: resolves when the dependency answers. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** Every storage adapter, built on shared connections; `close()` releases them all. */
export class Storage {
  readonly schedulers: PostgresSchedulerStorage;
  readonly cache: RedisSchedulerCache;
  readonly rooms: RedisRoomStorage;
  readonly instances: RedisInstanceStorage;
  readonly operations: RedisOperationStorage;
  readonly leases: RedisOperationLease;
  readonly cancellation: RedisOperationCancellation;
  readonly flow: BullOperationFlow;
  readonly schedulerLock: RedisSchedulerLock;
  readonly readiness: ReadinessCheck[];

  private constructor(
    readonly dataSource: DataSource,
    private readonly clients: Map<string, Redis>,
    options: StorageOptions,
  ) {
    const keys = new RedisKeys(options.keyPrefix ?? '');
    const client = (url: string) => clients.get(url) as Redis;
    this.schedulers = new PostgresSchedulerStorage(dataSource);
    this.cache = new RedisSchedulerCache(client(options.redis.schedulerCache), keys);
    this.rooms = new RedisRoomStorage(client(options.redis.rooms), keys);
    this.instances = new RedisInstanceStorage(client(options.redis.instances), keys, options.instanceScanSize);
    this.operations = new RedisOperationStorage(client(options.redis.operations), keys);
    this.leases = new RedisOperationLease(client(options.redis.leases), keys);
    this.cancellation = new RedisOperationCancellation(client(options.redis.flow), keys);
    this.flow = new BullOperationFlow({ redisUrl: options.redis.flow, keyPrefix: options.keyPrefix });
    this.schedulerLock = new RedisSchedulerLock(client(options.redis.leases), options.keyPrefix ?? '');
    this.readiness = [
      { name: 'postgres', check: async () => void (await dataSource.query('SELECT 1')) },
      ...[...clients.entries()].map(([url, redis]) => ({
        name: `redis ${new URL(url).host}`,
        check: async () => void (await redis.ping()),
      })),
    ];
  }

  /** Connects to Postgres and Redis. */
  static async connect(options: StorageOptions): Promise<Storage> {
    const dataSource = createDataSource({ url: options.postgresUrl, poolSize: options.postgresPoolSize });
    await dataSource.initialize();
    const clients = new Map<string, Redis>();
    const { rooms, instances, operations, leases, flow, schedulerCache } = options.redis;
    for (const url of new Set([rooms, instances, operations, leases, flow, schedulerCache])) {
      clients.set(url, new Redis(url, { maxRetriesPerRequest: 3, enableOfflineQueue: true }));
    }
    return new Storage(dataSource, clients, options);
  }

  async close(): Promise<void> {
    await this.flow.close();
    for (const client of this.clients.values()) client.disconnect();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
