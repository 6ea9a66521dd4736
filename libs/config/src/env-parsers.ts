import { ForwarderAddressPolicy } from '@maestro/domain';
import type { EnvVariable } from './env.schema';
import { parseGoDuration } from './go-duration';

/** A bad configuration value; the message names the variable(s) and the value(s). */
export class ConfigError extends Error {
  constructor(
    message: string,
    /** One line per bad variable: `NAME: "value" why`. */
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Go's strconv.ParseBool spellings (what Maestro's viper accepts). */
const TRUE = new Set(['1', 't', 'true']);
const FALSE = new Set(['0', 'f', 'false']);
const INTEGER = /^[-+]?\d+$/;
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const PORT_RANGE = /^(\d+)-(\d+)$/;

/** A decimal integer (`8080`, `-1`, `+3`); undefined when the text is not one. */
export function parseInteger(text: string): number | undefined {
  return INTEGER.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
}

/** A decimal number (`0.05`, `100`, `1e3`); undefined when the text is not one. */
export function parseDecimal(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text) : undefined;
}

/** `true`/`false`/`1`/`0`/`t`/`f` in any case; undefined otherwise. */
export function parseBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
}

/** `start-end` with start <= end, both ports; undefined otherwise. */
export function parsePortRange(text: string): { start: number; end: number } | undefined {
  const match = PORT_RANGE.exec(text);
  if (!match) return undefined;
  const [start, end] = [Number(match[1]), Number(match[2])];
  return start <= end && end <= 65_535 ? { start, end } : undefined;
}

/**
 * Parses the raw text of one variable by its kind and limits; throws a ConfigError
 * `NAME: "raw" <why>` when the text is not acceptable.
 */
export function parseEnvValue(variable: EnvVariable, raw: string): unknown {
  const fail = (why: string): never => {
    throw new ConfigError(`${variable.name}: "${raw}" ${why}`);
  };
  const within = (n: number | undefined, what: string, unit = ''): number => {
    if (n === undefined) return fail(`is not ${what}`);
    if (variable.min !== undefined && n < variable.min) fail(`must be at least ${variable.min}${unit}`);
    if (variable.max !== undefined && n > variable.max) fail(`must be at most ${variable.max}${unit}`);
    return n;
  };
  switch (variable.kind) {
    case 'string':
      return raw;
    case 'int':
      return within(parseInteger(raw), 'an integer');
    case 'float':
      return within(parseDecimal(raw), 'a number');
    case 'duration':
      return within(parseGoDuration(raw), 'a duration (e.g. 30s, 1m, 1h30m)', ' ms');
    case 'bool': {
      const value = parseBoolean(raw);
      return value ?? fail('is not true or false');
    }
    case 'portRange':
      return parsePortRange(raw) ?? fail('is not a port range start-end with start <= end');
    case 'enum':
      return variable.values?.includes(raw) ? raw : fail(`is not one of ${(variable.values ?? []).join(', ')}`);
    case 'addressList':
      try {
        ForwarderAddressPolicy.parse(raw);
        return raw;
      } catch (error) {
        return fail(`is not a list of hosts and networks (${(error as Error).message})`);
      }
  }
}
