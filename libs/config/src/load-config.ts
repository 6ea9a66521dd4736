import { ENV_SCHEMA, type EnvVariable } from './env.schema';
import { parseGoDuration } from './go-duration';
import { COMPONENT_PORTS, type Component, type MaestroConfig } from './maestro-config';

/** A bad configuration value; the message names the variable and the value. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'];
const LOG_FORMATS = ['json', 'pretty'];

/**
 * Reads every MAESTRO_* variable from `env` (defaults for the missing ones), validates it and
 * returns the frozen, typed configuration of `component`. Throws ConfigError on a bad value.
 */
export function loadConfig(env: Record<string, string | undefined>, component: Component): MaestroConfig {
  const config: Record<string, unknown> = { component };
  const problems: string[] = [];
  for (const variable of ENV_SCHEMA) {
    const raw = env[variable.name] ?? defaultOf(variable, component);
    try {
      setPath(config, variable.path, parseValue(variable, raw.trim()));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const typed = config as unknown as MaestroConfig;
  if (!LOG_LEVELS.includes(typed.log?.level)) problems.push(`MAESTRO_LOG_LEVEL: "${typed.log?.level}" is not one of ${LOG_LEVELS.join(', ')}`);
  if (!LOG_FORMATS.includes(typed.log?.format)) problems.push(`MAESTRO_LOG_FORMAT: "${typed.log?.format}" is not one of ${LOG_FORMATS.join(', ')}`);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
  return deepFreeze(typed);
}

function defaultOf(variable: EnvVariable, component: Component): string {
  if (variable.default !== '{component}') return variable.default;
  const ports = COMPONENT_PORTS[component];
  return String(variable.path === 'api.port' ? ports.api : ports.internal);
}

function parseValue(variable: EnvVariable, raw: string): unknown {
  const fail = (why: string): never => {
    throw new ConfigError(`${variable.name}: "${raw}" ${why}`);
  };
  const atLeast = (n: number, unit = '') => {
    if (variable.min !== undefined && n < variable.min) fail(`must be at least ${variable.min}${unit}`);
    return n;
  };
  switch (variable.kind) {
    case 'string':
      return raw;
    case 'int':
      return /^-?\d+$/.test(raw) ? atLeast(Number(raw)) : fail('is not an integer');
    case 'float':
      return raw !== '' && Number.isFinite(Number(raw)) ? atLeast(Number(raw)) : fail('is not a number');
    case 'bool':
      return ['true', '1'].includes(raw.toLowerCase()) ? true : ['false', '0'].includes(raw.toLowerCase()) ? false : fail('is not true or false');
    case 'duration': {
      const ms = parseGoDuration(raw);
      return ms === undefined ? fail('is not a duration (e.g. 30s, 1m, 1h30m)') : atLeast(ms, ' ms');
    }
    case 'portRange': {
      const match = /^(\d+)-(\d+)$/.exec(raw);
      if (!match || Number(match[1]) > Number(match[2])) fail('is not a port range start-end with start <= end');
      return { start: Number(match?.[1]), end: Number(match?.[2]) };
    }
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
