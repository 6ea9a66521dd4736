import { ENV_SCHEMA, type EnvVariable } from './env.schema';
import { ConfigError, parseBoolean, parseDecimal, parseEnvValue, parseInteger, parsePortRange } from './env-parsers';

const variable = (name: string): EnvVariable => {
  const found = ENV_SCHEMA.find((v) => v.name === name);
  if (!found) throw new Error(`no ${name} in the schema`);
  return found;
};

describe('configuration value parsers', () => {
  it.each([
    ['8080', 8080],
    ['-1', -1],
    ['+3', 3],
    ['8080.5', undefined],
    ['80 80', undefined],
    ['0x10', undefined],
    ['', undefined],
    ['99999999999999999999', undefined],
  ])('reads the integer %p as %p', (text, value) => {
    expect(parseInteger(text)).toBe(value);
  });

  it.each([
    ['0.05', 0.05],
    ['100', 100],
    ['.5', 0.5],
    ['1e3', 1000],
    ['-2.5', -2.5],
    ['Infinity', undefined],
    ['0x10', undefined],
    ['5%', undefined],
    ['', undefined],
  ])('reads the number %p as %p', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['t', true],
    ['1', true],
    ['false', false],
    ['F', false],
    ['0', false],
    ['yes', undefined],
    ['no', undefined],
    ['', undefined],
  ])('reads the boolean %p as %p', (text, value) => {
    expect(parseBoolean(text)).toBe(value);
  });

  it.each([
    ['60001-60010', { start: 60001, end: 60010 }],
    ['1-1', { start: 1, end: 1 }],
    ['10-1', undefined],
    ['1-70000', undefined],
    ['60001:60010', undefined],
    ['60001', undefined],
  ])('reads the port range %p as %p', (text, value) => {
    expect(parsePortRange(text)).toEqual(value);
  });

  it.each([
    ['0', 0],
    ['5s', 5_000],
    ['30s', 30_000],
  ])('accepts the gRPC keepalive time %p as Maestro does (the forwarder applies its floor)', (text, ms) => {
    expect(parseEnvValue(variable('MAESTRO_ADAPTERS_GRPC_KEEPALIVE_TIME'), text)).toBe(ms);
  });

  it('checks the limits of a variable and names it with the value', () => {
    expect(parseEnvValue(variable('MAESTRO_API_PORT'), '9000')).toBe(9000);
    expect(() => parseEnvValue(variable('MAESTRO_API_PORT'), '70000')).toThrow('MAESTRO_API_PORT: "70000" must be at most 65535');
    expect(() => parseEnvValue(variable('MAESTRO_ADAPTERS_GRPC_KEEPALIVE_TIMEOUT'), '0s')).toThrow(
      'MAESTRO_ADAPTERS_GRPC_KEEPALIVE_TIMEOUT: "0s" must be at least 1 ms',
    );
    expect(() => parseEnvValue(variable('MAESTRO_LOG_FORMAT'), 'xml')).toThrow(ConfigError);
    expect(parseEnvValue(variable('MAESTRO_LOG_FORMAT'), 'pretty')).toBe('pretty');
    expect(parseEnvValue(variable('MAESTRO_ADAPTERS_REDIS_KEYPREFIX'), 'test:1:')).toBe('test:1:');
  });

  it('accepts a forwarder address list of hosts and networks, naming the variable for a bad entry', () => {
    const allowed = variable('MAESTRO_ADAPTERS_GRPC_ALLOWEDADDRESSES');
    expect(allowed.default).toBe('*');
    expect(parseEnvValue(allowed, 'matchmaker.games.svc, 10.0.0.0/8')).toBe('matchmaker.games.svc, 10.0.0.0/8');
    expect(() => parseEnvValue(allowed, '10.0.0.0/40')).toThrow(
      'MAESTRO_ADAPTERS_GRPC_ALLOWEDADDRESSES: "10.0.0.0/40" is not a list of hosts and networks (invalid forwarder address entry: 10.0.0.0/40)',
    );
  });
});
