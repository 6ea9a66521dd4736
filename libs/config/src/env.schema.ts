/**
 * Every MAESTRO_* variable: Maestro's configuration key path upper-cased with `.` -> `_`, where the
 * value lands in MaestroConfig, its kind, its default and its meaning, one line each. Defaults are
 * Maestro's, except that Postgres, Redis and the kubeconfig default to the local development
 * services and that the `{component}` ports depend on the app (COMPONENT_PORTS).
 */
export type ValueKind = 'string' | 'int' | 'float' | 'bool' | 'duration' | 'portRange' | 'enum' | 'addressList';

export interface EnvVariable {
  name: string;
  /** Where the value lands in MaestroConfig (dotted path). */
  path: string;
  kind: ValueKind;
  /** The default as it would be written in the environment; `{component}` = per app. */
  default: string;
  description: string;
  /** Smallest accepted number (durations in ms). */
  min?: number;
  /** Largest accepted number (durations in ms). */
  max?: number;
  /** Accepted values of an `enum`. */
  values?: readonly string[];
}

/** Placeholder default of the ports that depend on the component. */
export const PER_COMPONENT = '{component}';

const POSTGRES = 'postgres://postgres@127.0.0.1:5432/maestro';
const REDIS = 'redis://127.0.0.1:6379/0';
const NOT_READ = '(accepted, not used, as in Maestro)';

type Limits = Pick<EnvVariable, 'min' | 'max' | 'values'>;
const v = (name: string, path: string, kind: ValueKind, def: string, description: string, limits: Limits = {}): EnvVariable => ({
  name: `MAESTRO_${name}`,
  path,
  kind,
  default: def,
  description,
  ...limits,
});
const port = { min: 0, max: 65_535 };
const positive = { min: 1 };
const nonNegative = { min: 0 };
const redisUrl = (adapter: string, path: string, what: string) => v(`ADAPTERS_${adapter}_REDIS_URL`, `redis.${path}`, 'string', REDIS, `Redis of the ${what}`);
const K8S = 'ADAPTERS_RUNTIME_KUBERNETES';
const TSC = `${K8S}_TOPOLOGYSPREADCONSTRAINT`;
const RM = 'SERVICES_ROOMMANAGER';

export const ENV_SCHEMA: readonly EnvVariable[] = [
  // HTTP servers
  v('API_PORT', 'api.port', 'int', PER_COMPONENT, 'public HTTP port (management-api 8080, rooms-api 8070)', port),
  v('API_GRACEFULSHUTDOWNTIMEOUT', 'api.gracefulShutdownTimeoutMs', 'duration', '30s', 'time given to requests in flight on shutdown', nonNegative),
  v('API_METRICS_ENABLED', 'api.metricsEnabled', 'bool', 'true', `public API metrics switch ${NOT_READ}`),
  v(
    'API_TRACING_JAEGER_DISABLED',
    'tracing.disabled',
    'bool',
    'true',
    'false: traces over OTLP/HTTP to the Jaeger host, port 4318 (OTEL_EXPORTER_OTLP_ENDPOINT also turns them on)',
  ),
  v('API_TRACING_JAEGER_AGENT_HOST', 'tracing.agentHost', 'string', 'localhost', 'Jaeger host that receives the traces (OTLP/HTTP)'),
  v('API_TRACING_JAEGER_AGENT_PORT', 'tracing.agentPort', 'int', '6831', 'Jaeger agent UDP port (accepted, not used: traces go over OTLP/HTTP)', port),
  v('API_TRACING_JAEGER_SAMPLER', 'tracing.sampler', 'float', '0.1', 'ratio of traces kept when sent to Jaeger', { min: 0, max: 1 }),
  v('INTERNALAPI_PORT', 'internalApi.port', 'int', PER_COMPONENT, 'health and metrics port (8081, 8071, worker 8051)', port),
  v(
    'INTERNALAPI_GRACEFULSHUTDOWNTIMEOUT',
    'internalApi.gracefulShutdownTimeoutMs',
    'duration',
    '30s',
    'time given to internal requests on shutdown',
    nonNegative,
  ),
  v('INTERNALAPI_METRICS_ENABLED', 'internalApi.metricsEnabled', 'bool', 'true', 'serve /metrics'),
  v('INTERNALAPI_HEALTHCHECK_ENABLED', 'internalApi.healthcheckEnabled', 'bool', 'true', 'serve /health, /healthz and /readyz'),
  v('INTERNALAPI_HEALTHCHECK_SKIPPOSTGRESCHECK', 'internalApi.skipPostgresCheck', 'bool', 'false', '/readyz does not check Postgres'),
  // Storage adapters
  v('ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL', 'postgres.url', 'string', POSTGRES, 'Postgres of the schedulers (created if missing)'),
  v('ADAPTERS_SCHEDULERSTORAGE_POSTGRES_POOLSIZE', 'postgres.poolSize', 'int', '10', 'Postgres connection pool size', positive),
  v(
    'ADAPTERS_SCHEDULERSTORAGE_POSTGRES_MINIDLECONNS',
    'postgres.minIdleConns',
    'int',
    '10',
    'Postgres idle connections kept (node-postgres has no minimum: accepted, not used)',
    nonNegative,
  ),
  v(
    'ADAPTERS_SCHEDULERSTORAGE_POSTGRES_CONNECTTIMEOUT',
    'postgres.connectTimeoutMs',
    'duration',
    '5s',
    'longest wait for a Postgres connection (new, or free in the pool) before the call fails (not in Maestro)',
    positive,
  ),
  v(
    'ADAPTERS_SCHEDULERSTORAGE_POSTGRES_STATEMENTTIMEOUT',
    'postgres.statementTimeoutMs',
    'duration',
    '10s',
    'longest a Postgres statement may run, ended by the server (not in Maestro)',
    positive,
  ),
  v('ADAPTERS_SCHEDULERSTORAGE_POSTGRES_MIGRATEONSTART', 'postgres.migrateOnStart', 'bool', 'true', 'apply pending migrations when an app starts'),
  v('MIGRATION_PATH', 'migration.path', 'string', 'file://app/migrations', 'SQL migrations source of `maestro migrate` (migrations are compiled in here)'),
  redisUrl('SCHEDULERCACHE', 'schedulerCache', 'scheduler cache'),
  redisUrl('OPERATIONSTORAGE', 'operations', 'operation records'),
  redisUrl('OPERATIONFLOW', 'flow', 'operation queues and cancel requests'),
  redisUrl('OPERATIONLEASESTORAGE', 'leases', 'operation leases'),
  redisUrl('ROOMSTORAGE', 'rooms', 'game rooms'),
  redisUrl('INSTANCESTORAGE', 'instances', 'runtime instances'),
  v('ADAPTERS_INSTANCESTORAGE_REDIS_SCANSIZE', 'redis.instanceScanSize', 'int', '100', 'HSCAN count when reading instances', positive),
  v(
    'ADAPTERS_OPERATIONSTORAGE_REDIS_OPERATIONSTTL_HEALTHCONTROLLER',
    'redis.healthControllerOperationsTtlMs',
    'duration',
    '24h',
    `health controller operation TTL ${NOT_READ}; see WORKERS_REDIS_OPERATIONSTTL`,
    nonNegative,
  ),
  v('ADAPTERS_REDIS_POOLSIZE', 'redis.poolSize', 'int', '500', 'go-redis pool size (ioredis multiplexes one connection per URL: accepted, not used)', positive),
  v(
    'ADAPTERS_REDIS_MAXCONNAGE',
    'redis.maxConnAgeMs',
    'duration',
    '0',
    'recycle Redis connections after this age, 0 = never (accepted, not used)',
    nonNegative,
  ),
  v('ADAPTERS_REDIS_KEYPREFIX', 'redis.keyPrefix', 'string', '', 'prefix of every Redis key and queue (isolates tests and installations sharing a Redis)'),
  // Kubernetes and gRPC adapters
  v(`${K8S}_INCLUSTER`, 'kubernetes.inCluster', 'bool', 'false', 'use the pod service account'),
  v(`${K8S}_MASTERURL`, 'kubernetes.masterUrl', 'string', '', 'API server URL when no kubeconfig is given'),
  v(`${K8S}_KUBECONFIG`, 'kubernetes.kubeconfig', 'string', '.kube-sim/kubeconfig.yaml', 'kubeconfig path (default: the local kube-sim of npm start)'),
  v(`${K8S}_QPS`, 'kubernetes.qps', 'float', '100', 'client-side rate limit, requests per second', { min: 0.1 }),
  v(`${K8S}_BURST`, 'kubernetes.burst', 'int', '200', 'client-side rate limit burst', positive),
  v(
    `${K8S}_REQUESTTIMEOUT`,
    'kubernetes.requestTimeoutMs',
    'duration',
    '30s',
    'longest a Kubernetes API call may take, rate limiter excluded (watches excepted; not in Maestro)',
    positive,
  ),
  v(`${TSC}_ENABLED`, 'kubernetes.topologySpread.enabled', 'bool', 'true', 'add a topology spread constraint to room pods'),
  v(`${TSC}_MAXSKEW`, 'kubernetes.topologySpread.maxSkew', 'int', '5', 'its maxSkew', positive),
  v(`${TSC}_TOPOLOGYKEY`, 'kubernetes.topologySpread.topologyKey', 'string', 'topology.kubernetes.io/zone', 'its topology key'),
  v(`${TSC}_WHENUNSATISFIABLESCHEDULEANYWAY`, 'kubernetes.topologySpread.scheduleAnyway', 'bool', 'false', 'ScheduleAnyway instead of DoNotSchedule'),
  v('ADAPTERS_PORTALLOCATOR_RANDOM_RANGE', 'portAllocator.range', 'portRange', '60001-60010', 'fallback host-port range, start-end'),
  // Any duration, as in Maestro: the forwarder turns 0 into 15s and raises what is below 10s to 10s.
  v(
    'ADAPTERS_GRPC_KEEPALIVE_TIME',
    'grpc.keepAliveTimeMs',
    'duration',
    '30s',
    'forwarder keepalive ping interval (0 means 15s; less than 10s is raised to 10s)',
  ),
  v('ADAPTERS_GRPC_KEEPALIVE_TIMEOUT', 'grpc.keepAliveTimeoutMs', 'duration', '5s', 'forwarder keepalive ack timeout', positive),
  v(
    'ADAPTERS_GRPC_ALLOWEDADDRESSES',
    'grpc.allowedAddresses',
    'addressList',
    '*',
    'where forwarders and scaling webhooks may connect: comma-separated host names, *.domain suffixes, IPs and CIDR networks; * for anywhere (not in Maestro)',
  ),
  // Worker
  v('WORKERS_SYNCINTERVAL', 'workers.syncIntervalMs', 'duration', '10s', 'how often the worker syncs its schedulers with Postgres', positive),
  v('WORKERS_STOPTIMEOUTDURATION', 'workers.stopTimeoutMs', 'duration', '2m', 'time given to running operations on shutdown', nonNegative),
  v('WORKERS_HEALTHCONTROLLERINTERVAL', 'workers.healthControllerIntervalMs', 'duration', '1m', 'health controller period per scheduler', positive),
  v(
    'WORKERS_STORAGECLENUPINTERVAL',
    'workers.storageCleanupIntervalMs',
    'duration',
    '3h',
    'mean period of the storage clean-up (key spelled as Maestro does)',
    positive,
  ),
  v(
    'WORKERS_REDIS_OPERATIONSTTL',
    'workers.operationsTtlMs',
    'duration',
    '24h',
    'lifetime of health controller, add/remove rooms and clean-up records',
    nonNegative,
  ),
  v('OPERATIONS_ROOMS_ADD_LIMIT', 'operations.addRoomsLimit', 'int', '1000', 'rooms created by one add_rooms at most', positive),
  v('OPERATIONS_ROOMS_ADD_BATCHSIZE', 'operations.addRoomsBatchSize', 'int', '40', 'rooms created concurrently', positive),
  v('OPERATIONS_ROOMS_ADD_OPERATIONTIMEOUT', 'operations.addRoomTimeoutMs', 'duration', '5s', 'timeout of each room creation', positive),
  v('OPERATIONS_ROOMS_REMOVE_LIMIT', 'operations.removeRoomsLimit', 'int', '50', 'rooms removed by amount in one remove_rooms at most', positive),
  v('SERVICES_OPERATIONMANAGER_OPERATIONLEASETTLMILLIS', 'operationLeaseTtlMs', 'int', '5000', 'operation lease TTL and renewal period, ms', positive),
  v(
    `${RM}_ROOMINITIALIZATIONTIMEOUTMILLIS`,
    'roomManager.initializationTimeoutMs',
    'int',
    '120000',
    'a pending/unready room older than this is replaced, ms',
    nonNegative,
  ),
  v(`${RM}_ROOMPINGTIMEOUTMILLIS`, 'roomManager.pingTimeoutMs', 'int', '240000', 'a room without ping for this long is replaced, ms', nonNegative),
  v(`${RM}_ROOMDELETIONTIMEOUTMILLIS`, 'roomManager.deletionTimeoutMs', 'int', '120000', 'a terminating room older than this is removed, ms', nonNegative),
  v(`${RM}_ROOMVALIDATIONTIMEOUTMILLIS`, 'roomManager.validationTimeoutMs', 'int', '120000', 'wait for the validation room of a major version, ms', positive),
  v(`${RM}_ROOMVALIDATIONATTEMPTS`, 'roomManager.validationAttempts', 'int', '3', 'validation attempts of a major version', positive),
  v(`${RM}_ROOMVALIDATIONACCEPTOCCUPIEDSTATUS`, 'roomManager.validationAcceptOccupied', 'bool', 'false', 'an occupied validation room also passes'),
  v(`${RM}_ROOMALLOCATIONTTLMILLIS`, 'roomManager.allocationTtlMs', 'int', '300000', 'how long an allocated room ignores ready pings, ms', nonNegative),
  v('SERVICES_EVENTSFORWARDER_SCHEDULERCACHETTLMILLIS', 'schedulerCacheTtlMs', 'int', '120000', 'lifetime of cached schedulers, ms', positive),
  v(
    'SERVICES_EVENTSFORWARDER_QUEUECAPACITY',
    'eventsForwarding.queueCapacity',
    'int',
    '1000',
    'room events waiting per scheduler for the forwarders; beyond it the oldest is dropped (not in Maestro)',
    positive,
  ),
  v(
    'SERVICES_EVENTSFORWARDER_SHUTDOWNDRAINTIMEOUT',
    'eventsForwarding.shutdownDrainTimeoutMs',
    'duration',
    '5s',
    'longest wait on shutdown for queued room events to be sent (not in Maestro)',
    nonNegative,
  ),
  // Runtime watcher and metrics reporter
  v('RUNTIMEWATCHER_DISRUPTIONWORKER_INTERVALSECONDS', 'disruption.intervalSeconds', 'int', '60', 'disruption budget update period, seconds', positive),
  v(
    'RUNTIMEWATCHER_DISRUPTIONWORKER_SAFETYPERCENTAGE',
    'disruption.safetyPercentage',
    'float',
    '0.05',
    'share of rooms a node drain may take (below 0.05 or from 1 -> 0.05)',
  ),
  v('REPORTER_METRICS_INTERVALMILLIS', 'reporter.intervalMs', 'int', '10000', 'metrics reporter period, ms', positive),
  // Authentication (this project's; both switches off = Maestro's open APIs)
  v('API_AUTH_ENABLED', 'auth.api.enabled', 'bool', 'true', 'management API routes need `Authorization: Bearer <token>` (not in Maestro)'),
  v(
    'API_AUTH_BOOTSTRAPTOKEN',
    'auth.api.bootstrapToken',
    'string',
    '',
    'an admin token of every game given by the environment, at least 16 characters (secret)',
  ),
  v('API_AUTH_FAILURELIMIT', 'auth.api.failureLimit', 'int', '30', 'authentication failures one address may have per minute on either API; then 429', positive),
  v('ROOMSAPI_AUTH_ENABLED', 'auth.roomsApi.enabled', 'bool', 'true', "rooms API routes need the room's token, or a management token for allocate and address"),
  v(
    'ROOMSAPI_AUTH_SECRET',
    'auth.roomsApi.secret',
    'string',
    '',
    "key of the rooms' tokens (HMAC-SHA256), at least 16 characters, shared by worker and rooms API (secret)",
  ),
  // Logging (this project's; Maestro has a -l production|development flag)
  v('LOG_LEVEL', 'log.level', 'enum', 'info', 'debug, info, warn or error', { values: ['debug', 'info', 'warn', 'error'] }),
  v('LOG_FORMAT', 'log.format', 'enum', 'auto', 'json lines, pretty lines coloured by level, or auto: pretty on a terminal, else json', {
    values: ['auto', 'json', 'pretty'],
  }),
  v('VERSION', 'version', 'string', '', 'version in every log line (default: the package version npm reports, else 0.1.0)'),
];
