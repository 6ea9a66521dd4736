import { ENV_SCHEMA, PER_COMPONENT } from './env.schema';
import { ConfigError, loadConfig } from './load-config';
import { parseEnvValue } from './env-parsers';

describe('loadConfig', () => {
  it("uses Maestro's defaults and the local services", () => {
    const config = loadConfig({}, 'management-api');
    expect(config.api.port).toBe(8080);
    expect(config.internalApi.port).toBe(8081);
    expect(config.postgres.url).toBe('postgres://postgres@127.0.0.1:5432/maestro');
    for (const url of [
      config.redis.rooms,
      config.redis.instances,
      config.redis.operations,
      config.redis.flow,
      config.redis.leases,
      config.redis.schedulerCache,
    ]) {
      expect(url).toBe('redis://127.0.0.1:6379/0');
    }
    expect(config.redis.keyPrefix).toBe('');
    expect(config.workers).toEqual({
      syncIntervalMs: 10_000,
      stopTimeoutMs: 120_000,
      healthControllerIntervalMs: 60_000,
      storageCleanupIntervalMs: 3 * 3_600_000,
      operationsTtlMs: 24 * 3_600_000,
    });
    expect(config.operations).toEqual({ addRoomsLimit: 1000, addRoomsBatchSize: 40, addRoomTimeoutMs: 5_000, removeRoomsLimit: 50 });
    expect(config.operationLeaseTtlMs).toBe(5_000);
    expect(config.roomManager).toEqual({
      initializationTimeoutMs: 120_000,
      pingTimeoutMs: 240_000,
      deletionTimeoutMs: 120_000,
      validationTimeoutMs: 120_000,
      validationAttempts: 3,
      validationAcceptOccupied: false,
      allocationTtlMs: 300_000,
    });
    expect(config.schedulerCacheTtlMs).toBe(120_000);
    expect(config.eventsForwarding).toEqual({ queueCapacity: 1_000, shutdownDrainTimeoutMs: 5_000 });
    expect(config.kubernetes).toMatchObject({ inCluster: false, qps: 100, burst: 200 });
    expect(config.kubernetes.topologySpread).toEqual({ enabled: true, maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', scheduleAnyway: false });
    expect(config.portAllocator.range).toEqual({ start: 60001, end: 60010 });
    expect(config.grpc).toEqual({ keepAliveTimeMs: 30_000, keepAliveTimeoutMs: 5_000, allowedAddresses: '*' });
    expect(config.disruption).toEqual({ intervalSeconds: 60, safetyPercentage: 0.05 });
    expect(config.reporter.intervalMs).toBe(10_000);
    expect(config.log).toEqual({ level: 'info', format: 'auto' });
    expect(config.internalApi).toMatchObject({ metricsEnabled: true, healthcheckEnabled: true, skipPostgresCheck: false });
  });

  it('chooses ports per component', () => {
    expect(loadConfig({}, 'rooms-api').api.port).toBe(8070);
    expect(loadConfig({}, 'rooms-api').internalApi.port).toBe(8071);
    expect(loadConfig({}, 'worker').internalApi.port).toBe(8051);
    expect(loadConfig({ MAESTRO_INTERNALAPI_PORT: '9051' }, 'worker').internalApi.port).toBe(9051);
  });

  it("reads Maestro's variable names", () => {
    const config = loadConfig(
      {
        MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '5s',
        MAESTRO_WORKERS_STORAGECLENUPINTERVAL: '1h30m',
        MAESTRO_WORKERS_REDIS_OPERATIONSTTL: '0.5s',
        MAESTRO_API_PORT: '9000',
        MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: 'postgres://u:p@db:5432/m',
        MAESTRO_ADAPTERS_ROOMSTORAGE_REDIS_URL: 'redis://rooms:6379/1',
        MAESTRO_ADAPTERS_REDIS_KEYPREFIX: 'run-7:',
        MAESTRO_SERVICES_ROOMMANAGER_ROOMPINGTIMEOUTMILLIS: '30000',
        MAESTRO_SERVICES_ROOMMANAGER_ROOMVALIDATIONACCEPTOCCUPIEDSTATUS: 'true',
        MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_QPS: '12.5',
        MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG: '/etc/kube/config',
        MAESTRO_ADAPTERS_PORTALLOCATOR_RANDOM_RANGE: '40000-40100',
        MAESTRO_RUNTIMEWATCHER_DISRUPTIONWORKER_SAFETYPERCENTAGE: '0.2',
        MAESTRO_LOG_LEVEL: 'debug',
        MAESTRO_UNKNOWN_THING: 'ignored',
      },
      'worker',
    );
    expect(config.workers.healthControllerIntervalMs).toBe(5_000);
    expect(config.workers.storageCleanupIntervalMs).toBe(5_400_000);
    expect(config.workers.operationsTtlMs).toBe(500);
    expect(config.api.port).toBe(9000);
    expect(config.postgres.url).toBe('postgres://u:p@db:5432/m');
    expect(config.redis.rooms).toBe('redis://rooms:6379/1');
    expect(config.redis.instances).toBe('redis://127.0.0.1:6379/0');
    expect(config.redis.keyPrefix).toBe('run-7:');
    expect(config.roomManager.pingTimeoutMs).toBe(30_000);
    expect(config.roomManager.validationAcceptOccupied).toBe(true);
    expect(config.kubernetes.qps).toBe(12.5);
    expect(config.kubernetes.kubeconfig).toBe('/etc/kube/config');
    expect(config.portAllocator.range).toEqual({ start: 40000, end: 40100 });
    expect(config.disruption.safetyPercentage).toBe(0.2);
    expect(config.log.level).toBe('debug');
  });

  it('treats an empty typed value as unset and keeps an empty string value', () => {
    const config = loadConfig({ MAESTRO_WORKERS_SYNCINTERVAL: '', MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG: '' }, 'worker');
    expect(config.workers.syncIntervalMs).toBe(10_000);
    expect(config.kubernetes.kubeconfig).toBe('');
  });

  it('reports the version npm gives, unless MAESTRO_VERSION says otherwise', () => {
    expect(loadConfig({}, 'worker').version).toBe('0.1.0');
    expect(loadConfig({ npm_package_version: '1.2.3' }, 'worker').version).toBe('1.2.3');
    expect(loadConfig({ npm_package_version: '1.2.3', MAESTRO_VERSION: '2.0.0' }, 'worker').version).toBe('2.0.0');
  });

  it.each([
    ['MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL', '5 seconds', 'MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: "5 seconds" is not a duration'],
    ['MAESTRO_WORKERS_SYNCINTERVAL', '0s', 'MAESTRO_WORKERS_SYNCINTERVAL: "0s" must be at least 1 ms'],
    ['MAESTRO_API_PORT', 'eighty', 'MAESTRO_API_PORT: "eighty" is not an integer'],
    ['MAESTRO_INTERNALAPI_METRICS_ENABLED', 'yes', 'MAESTRO_INTERNALAPI_METRICS_ENABLED: "yes" is not true or false'],
    ['MAESTRO_ADAPTERS_PORTALLOCATOR_RANDOM_RANGE', '10-1', 'MAESTRO_ADAPTERS_PORTALLOCATOR_RANDOM_RANGE: "10-1" is not a port range'],
    ['MAESTRO_SERVICES_OPERATIONMANAGER_OPERATIONLEASETTLMILLIS', '0', 'MAESTRO_SERVICES_OPERATIONMANAGER_OPERATIONLEASETTLMILLIS: "0" must be at least 1'],
    ['MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_QPS', 'fast', 'MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_QPS: "fast" is not a number'],
    ['MAESTRO_LOG_LEVEL', 'loud', 'MAESTRO_LOG_LEVEL: "loud" is not one of debug, info, warn, error'],
  ])('names %s when its value %p is bad', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, 'worker')).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, 'worker')).toThrow(message);
  });

  it('lists every bad variable at once', () => {
    const error = captureError(() => loadConfig({ MAESTRO_API_PORT: 'x', MAESTRO_WORKERS_SYNCINTERVAL: '10' }, 'management-api'));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'MAESTRO_API_PORT: "x" is not an integer',
      expect.stringMatching(/^MAESTRO_WORKERS_SYNCINTERVAL: "10" is not a duration/),
    ]);
    expect((error as ConfigError).message).toBe(`invalid configuration:\n${(error as ConfigError).problems.join('\n')}`);
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({}, 'worker');
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.workers)).toBe(true);
    expect(Object.isFrozen(config.kubernetes.topologySpread)).toBe(true);
  });

  it('gives every variable a unique MAESTRO_ name, a description and a default of its kind', () => {
    for (const variable of ENV_SCHEMA) {
      expect(variable.name).toMatch(/^MAESTRO_[A-Z_]+$/);
      expect(variable.description.length).toBeGreaterThan(5);
      if (variable.default !== PER_COMPONENT) expect(() => parseEnvValue(variable, variable.default)).not.toThrow();
    }
    expect(new Set(ENV_SCHEMA.map((v) => v.name)).size).toBe(ENV_SCHEMA.length);
    expect(new Set(ENV_SCHEMA.map((v) => v.path)).size).toBe(ENV_SCHEMA.length);
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}
