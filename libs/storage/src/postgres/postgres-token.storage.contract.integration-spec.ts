import { createTestDatabase, tokenStorageContract, type TestDatabase } from '@maestro/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { PostgresTokenStorage } from './postgres-token.storage';

describe('PostgresTokenStorage, the TokenStorage adapter', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let storage: PostgresTokenStorage;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({ url: db.url });
    await dataSource.initialize();
    storage = new PostgresTokenStorage(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  tokenStorageContract(() => storage);
});
