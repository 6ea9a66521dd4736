import type { MaestroConfig } from './maestro-config';

/** The storage adapters' connection options (libs/storage StorageOptions) from the configuration. */
export function storageOptionsOf(c: MaestroConfig) {
  return {
    postgresUrl: c.postgres.url,
    postgresPoolSize: c.postgres.poolSize,
    postgresConnectTimeoutMs: c.postgres.connectTimeoutMs,
    postgresStatementTimeoutMs: c.postgres.statementTimeoutMs,
    redis: c.redis,
    keyPrefix: c.redis.keyPrefix,
    instanceScanSize: c.redis.instanceScanSize,
    // The rooms API's pings gain from batching concurrent commands; the worker's operations do not.
    autoPipelining: c.component === 'rooms-api',
  };
}
