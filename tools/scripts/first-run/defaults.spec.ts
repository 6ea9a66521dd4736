import { DEFAULT_POSTGRES_URL, DEFAULT_REDIS_URL, REDIS_SERVER_MISSING, servicesOf } from './defaults.mjs';

describe('which services npm start may start', () => {
  it('starts both when no URL is set', () => {
    expect(servicesOf({})).toEqual({
      postgres: { url: DEFAULT_POSTGRES_URL, mayStart: true },
      redis: { urls: [DEFAULT_REDIS_URL], mayStart: true },
    });
  });

  it('starts both when the URLs set are the default ones', () => {
    const env = { MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: DEFAULT_POSTGRES_URL, MAESTRO_ADAPTERS_ROOMSTORAGE_REDIS_URL: DEFAULT_REDIS_URL };
    expect(servicesOf(env)).toMatchObject({ postgres: { mayStart: true }, redis: { mayStart: true } });
  });

  it('never starts a Postgres whose URL someone set', () => {
    const url = 'postgres://postgres@127.0.0.1:5433/maestro';
    expect(servicesOf({ MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: url }).postgres).toEqual({ url, mayStart: false });
  });

  it('never starts Redis when one of its URLs is set elsewhere, and checks every distinct URL', () => {
    const url = 'redis://10.0.0.7:6379/0';
    expect(servicesOf({ MAESTRO_ADAPTERS_OPERATIONFLOW_REDIS_URL: url }).redis).toEqual({ urls: [DEFAULT_REDIS_URL, url], mayStart: false });
  });

  it('says on one line how to get redis-server on Debian or Ubuntu, macOS and in a container', () => {
    expect(REDIS_SERVER_MISSING).not.toContain('\n');
    expect(REDIS_SERVER_MISSING).toMatch(/apt-get install redis-server.*brew install redis.*docker run/);
  });
});
