import { loadConfig } from './load-config';
import { storageOptionsOf } from './storage-options';

describe('storageOptionsOf', () => {
  it('turns automatic Redis pipelining on for the rooms API only', () => {
    expect(storageOptionsOf(loadConfig({}, 'rooms-api')).autoPipelining).toBe(true);
    expect(storageOptionsOf(loadConfig({}, 'management-api')).autoPipelining).toBe(false);
    expect(storageOptionsOf(loadConfig({}, 'worker')).autoPipelining).toBe(false);
  });

  it('carries the key prefix and the Postgres URL of the configuration', () => {
    const options = storageOptionsOf(
      loadConfig({ MAESTRO_ADAPTERS_REDIS_KEYPREFIX: 'p:', MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: 'postgres://db/x' }, 'worker'),
    );
    expect(options).toMatchObject({ keyPrefix: 'p:', postgresUrl: 'postgres://db/x' });
  });
});
