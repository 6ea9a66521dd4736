import type { Logger } from '@maestro/domain';

/** The Redis users of the storage lib; Maestro configures one URL for each. */
export const REDIS_ROLES = ['rooms', 'instances', 'operations', 'leases', 'flow', 'schedulerCache'] as const;
export type RedisRole = (typeof REDIS_ROLES)[number];

/** Connection settings of the storage adapters (a plain object built by the app from its configuration). */
export interface StorageOptions {
  /** Where Redis outages are logged, once per outage and client; silent by default. */
  logger?: Logger;
  postgresUrl: string;
  postgresPoolSize?: number;
  /** Longest wait for a Postgres connection, new or free in the pool (default 5 s). */
  postgresConnectTimeoutMs?: number;
  /** Longest a Postgres statement may run (default 10 s). */
  postgresStatementTimeoutMs?: number;
  /** The Redis of every adapter that `redis` does not name. */
  redisUrl?: string;
  /** Redis URL per adapter (Maestro's per-adapter settings); adapters on the same URL share a connection. */
  redis?: Partial<Record<RedisRole, string>>;
  /** Prefix of every Redis key, channel and Bull queue (isolates tests and shared Redis servers). */
  keyPrefix?: string;
  /**
   * ioredis automatic pipelining on the adapters' clients: more throughput under many concurrent
   * requests (the rooms API's pings), a little more latency per command. Off by default.
   */
  autoPipelining?: boolean;
  /** HSCAN COUNT of instance listings; unset = Redis' default. */
  instanceScanSize?: number;
  /**
   * Carried for the apps (inject STORAGE_OPTIONS): the ports take TTLs per call, so the adapters
   * themselves do not use these two.
   */
  schedulerCacheTtlMs?: number;
  operationsTtlMs?: number;
}

/** Every Redis adapter on one URL. */
export function sameRedisForAll(url: string): Record<RedisRole, string> {
  return Object.fromEntries(REDIS_ROLES.map((role) => [role, url])) as Record<RedisRole, string>;
}

/** The Redis URL of each adapter; throws naming the first adapter without one. */
export function redisUrlsOf(options: StorageOptions): Record<RedisRole, string> {
  return Object.fromEntries(
    REDIS_ROLES.map((role) => {
      const url = options.redis?.[role] || options.redisUrl;
      if (!url) throw new Error(`storage options: no Redis URL for ${role} (set redisUrl or redis.${role})`);
      return [role, url];
    }),
  ) as Record<RedisRole, string>;
}
