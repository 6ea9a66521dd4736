/** The typed configuration every app receives (built from ENV_SCHEMA by loadConfig). */
export type Component = 'management-api' | 'rooms-api' | 'worker';

export interface MaestroConfig {
  component: Component;
  /** Version reported in log lines. */
  version: string;
  api: { port: number; gracefulShutdownTimeoutMs: number; metricsEnabled: boolean };
  /** Maestro's Jaeger settings, mapped onto OpenTelemetry (docs/observability.md). */
  tracing: { disabled: boolean; agentHost: string; agentPort: number; sampler: number };
  internalApi: {
    port: number;
    gracefulShutdownTimeoutMs: number;
    metricsEnabled: boolean;
    healthcheckEnabled: boolean;
    skipPostgresCheck: boolean;
  };
  postgres: { url: string; poolSize: number; minIdleConns: number; connectTimeoutMs: number; statementTimeoutMs: number; migrateOnStart: boolean };
  migration: { path: string };
  redis: {
    schedulerCache: string;
    operations: string;
    flow: string;
    leases: string;
    rooms: string;
    instances: string;
    instanceScanSize: number;
    /** Maestro's unread `adapters.operationStorage.redis.operationsTtl.healthController`. */
    healthControllerOperationsTtlMs: number;
    poolSize: number;
    maxConnAgeMs: number;
    keyPrefix: string;
  };
  kubernetes: {
    inCluster: boolean;
    masterUrl: string;
    kubeconfig: string;
    qps: number;
    burst: number;
    requestTimeoutMs: number;
    topologySpread: { enabled: boolean; maxSkew: number; topologyKey: string; scheduleAnyway: boolean };
  };
  portAllocator: { range: { start: number; end: number } };
  /** `allowedAddresses`: the text of a ForwarderAddressPolicy, checked at start-up. */
  grpc: { keepAliveTimeMs: number; keepAliveTimeoutMs: number; allowedAddresses: string };
  workers: {
    syncIntervalMs: number;
    stopTimeoutMs: number;
    healthControllerIntervalMs: number;
    storageCleanupIntervalMs: number;
    operationsTtlMs: number;
  };
  operations: { addRoomsLimit: number; addRoomsBatchSize: number; addRoomTimeoutMs: number; removeRoomsLimit: number };
  operationLeaseTtlMs: number;
  roomManager: {
    initializationTimeoutMs: number;
    pingTimeoutMs: number;
    deletionTimeoutMs: number;
    validationTimeoutMs: number;
    validationAttempts: number;
    validationAcceptOccupied: boolean;
    allocationTtlMs: number;
  };
  schedulerCacheTtlMs: number;
  eventsForwarding: { queueCapacity: number; shutdownDrainTimeoutMs: number };
  disruption: { intervalSeconds: number; safetyPercentage: number };
  reporter: { intervalMs: number };
  log: { level: 'debug' | 'info' | 'warn' | 'error'; format: 'auto' | 'json' | 'pretty' };
  auth: {
    api: { enabled: boolean; bootstrapToken: string; failureLimit: number };
    roomsApi: { enabled: boolean; secret: string };
  };
}

/** Ports of each app when MAESTRO_API_PORT / MAESTRO_INTERNALAPI_PORT are not set (the worker has no public API). */
export const COMPONENT_PORTS: Record<Component, { api: number; internal: number }> = {
  'management-api': { api: 8080, internal: 8081 },
  'rooms-api': { api: 8070, internal: 8071 },
  worker: { api: 8050, internal: 8051 },
};
