import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '@maestro/storage';

export const TEST_POSTGRES_SERVER = 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file (the real Postgres, never a fake). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `maestro_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = `${TEST_POSTGRES_SERVER}/${name}`;
  await migrate({ url });
  return {
    url,
    drop: async () => {
      const admin = new Client({ connectionString: `${TEST_POSTGRES_SERVER}/postgres` });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
