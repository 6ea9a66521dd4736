import { UnavailableError } from '@maestro/domain';
import { aScheduler, PrivatePostgres } from '@maestro/testing';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from './data-source';
import { PostgresSchedulerStorage } from './postgres-scheduler.storage';

/** Issue 12: with Postgres down the APIs answer 503 (UnavailableError), then recover by themselves. */
describe('PostgresSchedulerStorage while Postgres is down', () => {
  let postgres: PrivatePostgres;
  let dataSource: DataSource;
  let storage: PostgresSchedulerStorage;

  beforeAll(async () => {
    postgres = await PrivatePostgres.start();
    await migrate({ url: postgres.url() });
    dataSource = createDataSource({ url: postgres.url(), connectTimeoutMs: 1_000 });
    await dataSource.initialize();
    storage = new PostgresSchedulerStorage(dataSource);
    await storage.createScheduler(aScheduler().withName('outage').build());
  });

  afterAll(async () => {
    await dataSource.destroy().catch(() => undefined);
    postgres.destroy();
  });

  it('answers UnavailableError while it is stopped or its backends are terminated, and serves again once it is back', async () => {
    await postgres.terminateBackends('postgres');
    // A pooled connection cut under it is replaced: the next read succeeds or is unavailable, never unexpected.
    await storage.getScheduler('outage').catch((error: unknown) => expect(error).toBeInstanceOf(UnavailableError));

    postgres.stopServer();
    await expect(storage.getScheduler('outage')).rejects.toBeInstanceOf(UnavailableError);
    await expect(storage.listSchedulers()).rejects.toBeInstanceOf(UnavailableError);
    await expect(storage.createScheduler(aScheduler().withName('during').build())).rejects.toBeInstanceOf(UnavailableError);

    postgres.startServer();
    expect((await storage.getScheduler('outage')).name).toBe('outage');
  });
});
