import { createTestDatabase, schedulerStorageContract, type TestDatabase } from '@maestro/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { PostgresSchedulerStorage } from './postgres-scheduler.storage';

describe('PostgresSchedulerStorage, the SchedulerStorage adapter', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let storage: PostgresSchedulerStorage;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({ url: db.url });
    await dataSource.initialize();
    storage = new PostgresSchedulerStorage(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  schedulerStorageContract(() => storage);
});
