import { authProblems } from './auth-checks';
import { ENV_SCHEMA, type EnvVariable, PER_COMPONENT } from './env.schema';
import { ConfigError, parseEnvValue } from './env-parsers';
import { COMPONENT_PORTS, type Component, type MaestroConfig } from './maestro-config';

export { ConfigError } from './env-parsers';

/** The environment as a plain map (process.env or a test's object). */
export type Env = Record<string, string | undefined>;

const FALLBACK_VERSION = '0.1.0';

/**
 * Reads every MAESTRO_* variable of ENV_SCHEMA from `env` (defaults for missing ones), validates
 * them all and returns the deep-frozen, typed configuration of `component`. Unknown MAESTRO_*
 * variables are ignored. Throws one ConfigError listing every bad variable with its value.
 */
export function loadConfig(env: Env, component: Component): MaestroConfig {
  const config: Record<string, unknown> = { component };
  const problems: string[] = [];
  for (const variable of ENV_SCHEMA) {
    try {
      setPath(config, variable.path, parseEnvValue(variable, rawValueOf(variable, env, component)));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length === 0) problems.push(...authProblems(config as unknown as MaestroConfig));
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`, problems);
  config.version ||= env.npm_package_version || FALLBACK_VERSION;
  return deepFreeze(config as unknown as MaestroConfig);
}

/**
 * The text of one variable: its value, else its default. An empty value counts as unset for
 * typed variables (Maestro's viper ignores empty variables) but is kept for strings, where it
 * can mean "none" (e.g. no kubeconfig).
 */
function rawValueOf(variable: EnvVariable, env: Env, component: Component): string {
  const value = env[variable.name]?.trim();
  if (value !== undefined && (value !== '' || variable.kind === 'string')) return value;
  if (variable.default !== PER_COMPONENT) return variable.default;
  const ports = COMPONENT_PORTS[component];
  return String(variable.path === 'api.port' ? ports.api : ports.internal);
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
