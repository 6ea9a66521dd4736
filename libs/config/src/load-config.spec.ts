import { ENV_SCHEMA } from './env.schema';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it("uses Maestro's defaults and the local services", () => {
    const config = loadConfig({}, 'management-api');
    expect(config.api.port).toBe(8080);
    expect(config.internalApi.port).toBe(8081);
    expect(config.postgres.url).toBe('postgres://postgres@127.0.0.1:5432/maestro');
    expect(config.redis.rooms).toBe('redis://127.0.0.1:6379/0');
    expect(config.workers.healthControllerIntervalMs).toBe(60_000);
    expect(config.workers.storageCleanupIntervalMs).toBe(3 * 3_600_000);
    expect(config.workers.operationsTtlMs).toBe(24 * 3_600_000);
    expect(config.operationLeaseTtlMs).toBe(5_000);
    expect(config.roomManager.validationAttempts).toBe(3);
    expect(config.portAllocator.range).toEqual({ start: 60001, end: 60010 });
    expect(config.disruption.safetyPercentage).toBe(0.05);
  });

  it('chooses ports per component', () => {
    expect(loadConfig({}, 'rooms-api').api.port).toBe(8070);
    expect(loadConfig({}, 'rooms-api').internalApi.port).toBe(8071);
    expect(loadConfig({}, 'worker').internalApi.port).toBe(8051);
  });

  it("reads Maestro's variable names", () => {
    const config = loadConfig(
      {
        MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '5s',
        MAESTRO_WORKERS_STORAGECLENUPINTERVAL: '5s',
        MAESTRO_API_PORT: '9000',
        MAESTRO_SERVICES_ROOMMANAGER_ROOMVALIDATIONACCEPTOCCUPIEDSTATUS: 'true',
        MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_QPS: '12.5',
        MAESTRO_UNKNOWN_THING: 'ignored',
      },
      'worker',
    );
    expect(config.workers.healthControllerIntervalMs).toBe(5_000);
    expect(config.workers.storageCleanupIntervalMs).toBe(5_000);
    expect(config.api.port).toBe(9000);
    expect(config.roomManager.validationAcceptOccupied).toBe(true);
    expect(config.kubernetes.qps).toBe(12.5);
  });

  it.each([
    ['MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL', '5 seconds', 'MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: "5 seconds" is not a duration'],
    ['MAESTRO_WORKERS_SYNCINTERVAL', '0s', 'MAESTRO_WORKERS_SYNCINTERVAL: "0s" must be at least 1 ms'],
    ['MAESTRO_API_PORT', 'eighty', 'MAESTRO_API_PORT: "eighty" is not an integer'],
    ['MAESTRO_INTERNALAPI_METRICS_ENABLED', 'yes', 'MAESTRO_INTERNALAPI_METRICS_ENABLED: "yes" is not true or false'],
    ['MAESTRO_ADAPTERS_PORTALLOCATOR_RANDOM_RANGE', '10-1', 'MAESTRO_ADAPTERS_PORTALLOCATOR_RANDOM_RANGE: "10-1" is not a port range'],
    ['MAESTRO_SERVICES_OPERATIONMANAGER_OPERATIONLEASETTLMILLIS', '0', 'must be at least 1'],
    ['MAESTRO_LOG_LEVEL', 'loud', 'MAESTRO_LOG_LEVEL: "loud" is not one of'],
  ])('names %s when its value %p is bad', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, 'worker')).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, 'worker')).toThrow(message);
  });

  it('gives every variable a MAESTRO_ name, a description and a valid default', () => {
    for (const variable of ENV_SCHEMA) {
      expect(variable.name).toMatch(/^MAESTRO_[A-Z_]+$/);
      expect(variable.description.length).toBeGreaterThan(5);
    }
    expect(new Set(ENV_SCHEMA.map((v) => v.name)).size).toBe(ENV_SCHEMA.length);
    expect(Object.isFrozen(loadConfig({}, 'worker').workers)).toBe(true);
  });
});
