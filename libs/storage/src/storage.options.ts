/** Connection settings of the storage adapters (built by the app from its configuration). */
export interface StorageOptions {
  postgresUrl: string;
  postgresPoolSize?: number;
  /** Redis URL of each adapter (Maestro configures them one by one; they may all be the same). */
  redis: {
    rooms: string;
    instances: string;
    operations: string;
    leases: string;
    flow: string;
    schedulerCache: string;
  };
  /** Prefix of every Redis key and Bull queue (isolates tests and shared Redis servers). */
  keyPrefix?: string;
  /** HSCAN count for instances. */
  instanceScanSize?: number;
}

/** Every Redis adapter on one URL. */
export function sameRedisForAll(url: string): StorageOptions['redis'] {
  return { rooms: url, instances: url, operations: url, leases: url, flow: url, schedulerCache: url };
}
