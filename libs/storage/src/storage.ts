import Redis, { type RedisOptions } from 'ioredis';
import type { DataSource } from 'typeorm';
import { BullOperationFlow } from './bull/bull-operation.flow';
import { createDataSource } from './postgres/data-source';
import { PostgresSchedulerStorage } from './postgres/postgres-scheduler.storage';
import { PostgresTokenStorage } from './postgres/postgres-token.storage';
import { RedisInstanceStorage } from './redis/redis-instance.storage';
import { RedisOperationCancellation } from './redis/redis-operation.cancellation';
import { RedisOperationLease } from './redis/redis-operation.lease';
import { RedisOperationStorage } from './redis/redis-operation.storage';
import { RedisAllocationCounter } from './redis/redis-allocation.counter';
import { RedisRoomSamples } from './redis/redis-room.samples';
import { RedisAutoscalingDecisions } from './redis/redis-autoscaling.decisions';
import { DecodedInstances } from './redis/decoded-instances';
import { RedisPingRecorder } from './redis/redis-ping.recorder';
import { RedisReadyRoomAllocator } from './redis/redis-ready-room.allocator';
import { RedisRoomStorage } from './redis/redis-room.storage';
import { RedisSchedulerCache } from './redis/redis-scheduler.cache';
import { RedisSchedulerLock } from './redis/redis-scheduler.lock';
import { RedisTokenRevocations } from './redis/redis-token.revocations';
import { type StorageOptions, redisUrlsOf } from './storage.options';
import { logRedisOutages } from './redis/redis-outage-log';
import { type PingRecorder, type RoomAllocator, StoreByStoreAllocator, StoreByStorePingRecorder, silentLogger } from '@maestro/domain';

/** A readiness probe: resolves when the dependency answers. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** Runs every check; rejects with the names of the failing ones. */
export async function checkReadiness(checks: ReadinessCheck[]): Promise<void> {
  const results = await Promise.allSettled(checks.map((c) => c.check()));
  const failing = checks.filter((_, i) => results[i].status === 'rejected').map((c) => c.name);
  if (failing.length > 0) throw new Error(`not ready: ${failing.join(', ')}`);
}

/**
 * ioredis settings of Maestro's clients (storage.md 4.3): 3 retries, TLS without certificate checks;
 * optionally automatic pipelining, which sends the commands issued in one tick (a ping's script and
 * instance read, and those of concurrent requests) in one write.
 */
export function redisClientOptions(url: string, { autoPipelining = false } = {}): RedisOptions {
  return { maxRetriesPerRequest: 3, enableAutoPipelining: autoPipelining, ...(url.startsWith('rediss://') ? { tls: { rejectUnauthorized: false } } : {}) };
}

/** Every storage adapter, built on shared connections; `close()` releases them all. */
export class Storage {
  readonly schedulers: PostgresSchedulerStorage;
  readonly cache: RedisSchedulerCache;
  readonly rooms: RedisRoomStorage;
  readonly roomSamples: RedisRoomSamples;
  readonly autoscalingDecisions: RedisAutoscalingDecisions;
  readonly allocations: RedisAllocationCounter;
  readonly instances: RedisInstanceStorage;
  /** One script when rooms and instances share a Redis (counts live with the rooms), else store by store. */
  readonly roomAllocator: RoomAllocator;
  /** One script when rooms and instances share a Redis, else store by store. */
  readonly pingRecorder: PingRecorder;
  readonly operations: RedisOperationStorage;
  readonly leases: RedisOperationLease;
  readonly cancellation: RedisOperationCancellation;
  readonly flow: BullOperationFlow;
  readonly schedulerLock: RedisSchedulerLock;
  readonly tokens: PostgresTokenStorage;
  readonly tokenRevocations: RedisTokenRevocations;
  /** Postgres `SELECT 1` and a Redis `PING` per distinct URL. */
  readonly readiness: ReadinessCheck[];

  private constructor(
    readonly dataSource: DataSource,
    private readonly clients: Map<string, Redis>,
    readonly options: StorageOptions,
  ) {
    const urls = redisUrlsOf(options);
    const client = (url: string) => clients.get(url) as Redis;
    const prefix = options.keyPrefix ?? '';
    this.schedulers = new PostgresSchedulerStorage(dataSource);
    this.cache = new RedisSchedulerCache(client(urls.schedulerCache), prefix);
    this.rooms = new RedisRoomStorage(client(urls.rooms), prefix);
    this.roomSamples = new RedisRoomSamples(client(urls.rooms), prefix);
    this.autoscalingDecisions = new RedisAutoscalingDecisions(client(urls.rooms), prefix);
    this.allocations = new RedisAllocationCounter(client(urls.rooms), prefix);
    this.instances = new RedisInstanceStorage(client(urls.instances), prefix, options.instanceScanSize);
    const roomsWithInstances = urls.rooms === urls.instances;
    // One set of decoded instances: a room's pings keep it decoded for its allocation.
    const decoded = new DecodedInstances();
    this.pingRecorder =
      roomsWithInstances && urls.rooms === urls.schedulerCache
        ? new RedisPingRecorder(client(urls.rooms), prefix, decoded)
        : new StoreByStorePingRecorder({ rooms: this.rooms, instances: this.instances });
    this.roomAllocator = roomsWithInstances
      ? new RedisReadyRoomAllocator(client(urls.rooms), prefix, decoded)
      : new StoreByStoreAllocator({ rooms: this.rooms, instances: this.instances, allocations: this.allocations, logger: options.logger });
    this.operations = new RedisOperationStorage(client(urls.operations), prefix);
    this.leases = new RedisOperationLease(client(urls.leases), prefix);
    this.cancellation = new RedisOperationCancellation(client(urls.flow), prefix);
    this.flow = new BullOperationFlow({ redisUrl: urls.flow, keyPrefix: prefix, logger: options.logger });
    this.schedulerLock = new RedisSchedulerLock(client(urls.leases), prefix);
    this.tokens = new PostgresTokenStorage(dataSource);
    // The revocation counter sits with the scheduler cache's generations: read on every authenticated call.
    this.tokenRevocations = new RedisTokenRevocations(client(urls.schedulerCache), prefix);
    this.readiness = [
      { name: 'postgres', check: async () => void (await dataSource.query('SELECT 1')) },
      ...[...clients.entries()].map(([url, redis]) => ({
        name: `redis ${new URL(url).host}`,
        check: async () => void (await redis.ping()),
      })),
    ];
  }

  /** Connects to Postgres and Redis (one client per distinct Redis URL). */
  static async connect(options: StorageOptions): Promise<Storage> {
    const urls = redisUrlsOf(options);
    const dataSource = createDataSource({
      url: options.postgresUrl,
      poolSize: options.postgresPoolSize,
      connectTimeoutMs: options.postgresConnectTimeoutMs,
      statementTimeoutMs: options.postgresStatementTimeoutMs,
    });
    await dataSource.initialize();
    const clients = new Map<string, Redis>();
    const logger = options.logger ?? silentLogger;
    for (const url of new Set(Object.values(urls))) {
      const client = new Redis(url, redisClientOptions(url, { autoPipelining: options.autoPipelining }));
      clients.set(url, logRedisOutages(client, `redis ${new URL(url).host}`, logger));
    }
    return new Storage(dataSource, clients, options);
  }

  /** Resolves when Postgres and every Redis answer; rejects naming the ones that do not. */
  checkReadiness(): Promise<void> {
    return checkReadiness(this.readiness);
  }

  /** Closes the queues, the Redis clients and the Postgres pool. */
  async close(): Promise<void> {
    await this.flow.close();
    for (const client of this.clients.values()) client.disconnect();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
