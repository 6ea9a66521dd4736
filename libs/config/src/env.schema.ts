/**
 * Every MAESTRO_* variable: Maestro's configuration key path upper-cased with `.` -> `_`, its
 * default and meaning. Defaults are Maestro's, except that Postgres and Redis default to the
 * local services and that the `{component}` ports depend on the app.
 */
export type ValueKind = 'string' | 'int' | 'float' | 'bool' | 'duration' | 'portRange';

export interface EnvVariable {
  name: string;
  /** Where the value lands in MaestroConfig. */
  path: string;
  kind: ValueKind;
  default: string;
  description: string;
  /** Smallest accepted number (durations in ms). */
  min?: number;
}

const REDIS = 'redis://127.0.0.1:6379/0';
const v = (name: string, path: string, kind: ValueKind, def: string, description: string, min?: number): EnvVariable => ({
  name: `MAESTRO_${name}`,
  path,
  kind,
  default: def,
  description,
  min,
});
const redisUrl = (adapter: string, path: string, what: string) =>
  v(`ADAPTERS_${adapter}_REDIS_URL`, `redis.${path}`, 'string', REDIS, `Redis of the ${what}`);

export const ENV_SCHEMA: readonly EnvVariable[] = [
  v('API_PORT', 'api.port', 'int', '{component}', 'public HTTP port (management-api 8080, rooms-api 8070)', 1),
  v('API_GRACEFULSHUTDOWNTIMEOUT', 'api.gracefulShutdownTimeoutMs', 'duration', '30s', 'time given to requests in flight on shutdown', 0),
  v('INTERNALAPI_PORT', 'internalApi.port', 'int', '{component}', 'health and metrics port (8081, 8071, worker 8051)', 1),
  v('INTERNALAPI_METRICS_ENABLED', 'internalApi.metricsEnabled', 'bool', 'true', 'serve /metrics'),
  v('INTERNALAPI_HEALTHCHECK_ENABLED', 'internalApi.healthcheckEnabled', 'bool', 'true', 'serve /health, /healthz and /readyz'),
  v('INTERNALAPI_HEALTHCHECK_SKIPPOSTGRESCHECK', 'internalApi.skipPostgresCheck', 'bool', 'false', '/readyz does not check Postgres'),
  v('ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL', 'postgres.url', 'string', 'postgres://postgres@127.0.0.1:5432/maestro', 'Postgres of the schedulers (created if missing)'),
  v('ADAPTERS_SCHEDULERSTORAGE_POSTGRES_POOLSIZE', 'postgres.poolSize', 'int', '10', 'Postgres connection pool size', 1),
  v('ADAPTERS_SCHEDULERSTORAGE_POSTGRES_MIGRATEONSTART', 'postgres.migrateOnStart', 'bool', 'true', 'apply pending migrations when an app starts'),
  redisUrl('SCHEDULERCACHE', 'schedulerCache', 'scheduler cache'),
  redisUrl('OPERATIONSTORAGE', 'operations', 'operation records'),
  redisUrl('OPERATIONFLOW', 'flow', 'operation queues and cancel requests'),
  redisUrl('OPERATIONLEASESTORAGE', 'leases', 'operation leases'),
  redisUrl('ROOMSTORAGE', 'rooms', 'game rooms'),
  redisUrl('INSTANCESTORAGE', 'instances', 'runtime instances'),
  v('ADAPTERS_INSTANCESTORAGE_REDIS_SCANSIZE', 'redis.instanceScanSize', 'int', '10', 'HSCAN count when reading instances', 1),
  v('ADAPTERS_REDIS_KEYPREFIX', 'redis.keyPrefix', 'string', '', 'prefix of every Redis key and queue (share one Redis between installations)'),
  v('ADAPTERS_RUNTIME_KUBERNETES_INCLUSTER', 'kubernetes.inCluster', 'bool', 'false', 'use the pod service account'),
  v('ADAPTERS_RUNTIME_KUBERNETES_MASTERURL', 'kubernetes.masterUrl', 'string', '', 'API server URL when no kubeconfig is given'),
  v('ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG', 'kubernetes.kubeconfig', 'string', '.kube-sim/kubeconfig.yaml', 'kubeconfig path (default: the local kube-sim of npm start)'),
  v('ADAPTERS_RUNTIME_KUBERNETES_QPS', 'kubernetes.qps', 'float', '100', 'client-side rate limit, requests per second', 0.1),
  v('ADAPTERS_RUNTIME_KUBERNETES_BURST', 'kubernetes.burst', 'int', '200', 'client-side rate limit burst', 1),
  v('ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_ENABLED', 'kubernetes.topologySpread.enabled', 'bool', 'true', 'add a topology spread constraint to room pods'),
  v('ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_MAXSKEW', 'kubernetes.topologySpread.maxSkew', 'int', '5', 'its maxSkew'),
  v('ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_TOPOLOGYKEY', 'kubernetes.topologySpread.topologyKey', 'string', 'topology.kubernetes.io/zone', 'its topology key'),
  v('ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_WHENUNSATISFIABLESCHEDULEANYWAY', 'kubernetes.topologySpread.scheduleAnyway', 'bool', 'false', 'ScheduleAnyway instead of DoNotSchedule'),
  v('ADAPTERS_PORTALLOCATOR_RANDOM_RANGE', 'portAllocator.range', 'portRange', '60001-60010', 'fallback host-port range, start-end'),
  v('ADAPTERS_GRPC_KEEPALIVE_TIME', 'grpc.keepAliveTimeMs', 'duration', '30s', 'forwarder keepalive ping interval', 10_000),
  v('ADAPTERS_GRPC_KEEPALIVE_TIMEOUT', 'grpc.keepAliveTimeoutMs', 'duration', '5s', 'forwarder keepalive ack timeout', 1),
  v('WORKERS_SYNCINTERVAL', 'workers.syncIntervalMs', 'duration', '10s', 'how often the worker syncs its schedulers with Postgres', 1),
  v('WORKERS_STOPTIMEOUTDURATION', 'workers.stopTimeoutMs', 'duration', '2m', 'time given to running operations on shutdown', 0),
  v('WORKERS_HEALTHCONTROLLERINTERVAL', 'workers.healthControllerIntervalMs', 'duration', '1m', 'health controller period per scheduler', 1),
  v('WORKERS_STORAGECLENUPINTERVAL', 'workers.storageCleanupIntervalMs', 'duration', '3h', 'mean period of the storage clean-up (key spelled as Maestro does)', 1),
  v('WORKERS_REDIS_OPERATIONSTTL', 'workers.operationsTtlMs', 'duration', '24h', 'lifetime of health controller, add/remove rooms and clean-up records', 0),
  v('OPERATIONS_ROOMS_ADD_LIMIT', 'operations.addRoomsLimit', 'int', '1000', 'rooms created by one add_rooms at most', 1),
  v('OPERATIONS_ROOMS_ADD_BATCHSIZE', 'operations.addRoomsBatchSize', 'int', '40', 'rooms created concurrently', 1),
  v('OPERATIONS_ROOMS_ADD_OPERATIONTIMEOUT', 'operations.addRoomTimeoutMs', 'duration', '5s', 'timeout of each room creation', 1),
  v('OPERATIONS_ROOMS_REMOVE_LIMIT', 'operations.removeRoomsLimit', 'int', '50', 'rooms removed by amount in one remove_rooms at most', 1),
  v('SERVICES_OPERATIONMANAGER_OPERATIONLEASETTLMILLIS', 'operationLeaseTtlMs', 'int', '5000', 'operation lease TTL and renewal period, ms', 1),
  v('SERVICES_ROOMMANAGER_ROOMINITIALIZATIONTIMEOUTMILLIS', 'roomManager.initializationTimeoutMs', 'int', '120000', 'a pending/unready room older than this is replaced, ms', 0),
  v('SERVICES_ROOMMANAGER_ROOMPINGTIMEOUTMILLIS', 'roomManager.pingTimeoutMs', 'int', '240000', 'a room without ping for this long is replaced, ms', 0),
  v('SERVICES_ROOMMANAGER_ROOMDELETIONTIMEOUTMILLIS', 'roomManager.deletionTimeoutMs', 'int', '120000', 'a terminating room older than this is removed, ms', 0),
  v('SERVICES_ROOMMANAGER_ROOMVALIDATIONTIMEOUTMILLIS', 'roomManager.validationTimeoutMs', 'int', '120000', 'wait for the validation room of a major version, ms', 1),
  v('SERVICES_ROOMMANAGER_ROOMVALIDATIONATTEMPTS', 'roomManager.validationAttempts', 'int', '3', 'validation attempts of a major version', 1),
  v('SERVICES_ROOMMANAGER_ROOMVALIDATIONACCEPTOCCUPIEDSTATUS', 'roomManager.validationAcceptOccupied', 'bool', 'false', 'an occupied validation room also passes'),
  v('SERVICES_ROOMMANAGER_ROOMALLOCATIONTTLMILLIS', 'roomManager.allocationTtlMs', 'int', '300000', 'how long an allocated room ignores ready pings, ms', 0),
  v('SERVICES_EVENTSFORWARDER_SCHEDULERCACHETTLMILLIS', 'schedulerCacheTtlMs', 'int', '120000', 'lifetime of cached schedulers, ms', 1),
  v('RUNTIMEWATCHER_DISRUPTIONWORKER_INTERVALSECONDS', 'disruption.intervalSeconds', 'int', '60', 'disruption budget update period, seconds', 1),
  v('RUNTIMEWATCHER_DISRUPTIONWORKER_SAFETYPERCENTAGE', 'disruption.safetyPercentage', 'float', '0.05', 'share of rooms a node drain may take (below 0.05 or from 1 -> 0.05)'),
  v('REPORTER_METRICS_INTERVALMILLIS', 'reporter.intervalMs', 'int', '10000', 'metrics reporter period, ms', 1),
  v('LOG_LEVEL', 'log.level', 'string', 'info', 'debug, info, warn or error'),
  v('LOG_FORMAT', 'log.format', 'string', 'json', 'json, or pretty for humans'),
];
