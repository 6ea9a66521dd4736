// Which Postgres and Redis `npm start` may start by itself: only those of the default URLs, the ones
// a laptop with nothing configured uses. A URL someone set names a server of theirs: it is checked,
// never started (the start would hide a typo or a server that is down).

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/maestro';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379/0';
export const POSTGRES_URL_VARIABLE = 'MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL';
/** Every Redis URL of the configuration (libs/config/src/env.schema.ts), one per storage. */
export const REDIS_URL_VARIABLES = [
  'MAESTRO_ADAPTERS_SCHEDULERCACHE_REDIS_URL',
  'MAESTRO_ADAPTERS_OPERATIONSTORAGE_REDIS_URL',
  'MAESTRO_ADAPTERS_OPERATIONFLOW_REDIS_URL',
  'MAESTRO_ADAPTERS_OPERATIONLEASESTORAGE_REDIS_URL',
  'MAESTRO_ADAPTERS_ROOMSTORAGE_REDIS_URL',
  'MAESTRO_ADAPTERS_INSTANCESTORAGE_REDIS_URL',
];

/**
 * The Postgres and Redis servers the environment names, and whether each may be started when it
 * does not answer (its URL is the default one: unset, or set to the default value).
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ postgres: { url: string, mayStart: boolean }, redis: { urls: string[], mayStart: boolean } }}
 */
export function servicesOf(env) {
  const postgresUrl = env[POSTGRES_URL_VARIABLE] || DEFAULT_POSTGRES_URL;
  const redisUrls = [...new Set(REDIS_URL_VARIABLES.map((variable) => env[variable] || DEFAULT_REDIS_URL))];
  return {
    postgres: { url: postgresUrl, mayStart: postgresUrl === DEFAULT_POSTGRES_URL },
    redis: { urls: redisUrls, mayStart: redisUrls.length === 1 && redisUrls[0] === DEFAULT_REDIS_URL },
  };
}

/** The one line printed when Redis must be started here and no redis-server is on the PATH. */
export const REDIS_SERVER_MISSING =
  'no Redis answers and no redis-server is on the PATH: install one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or run one in a container (docker run -d -p 6379:6379 redis:7), then run npm start again';
