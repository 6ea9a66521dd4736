import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, ensureDatabase, redactUrl } from './data-source';

const SERVER = 'postgres://postgres@127.0.0.1:5432';

describe('ensureDatabase', () => {
  it('creates a missing database once and accepts an existing one', async () => {
    const name = `maestro_test_ensure_${process.pid}_${randomBytes(3).toString('hex')}`;
    const url = `${SERVER}/${name}`;
    const admin = new Client({ connectionString: `${SERVER}/postgres` });
    await admin.connect();
    try {
      await Promise.all([ensureDatabase(url), ensureDatabase(url)]);
      await ensureDatabase(url);
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      expect(rowCount).toBe(1);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it('hides passwords in URLs shown in messages', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
  });
});

describe('createDataSource bounds every wait on Postgres', () => {
  const url = `${SERVER}/postgres`;

  it('ends a statement that runs longer than the statement timeout', async () => {
    const dataSource = createDataSource({ url, statementTimeoutMs: 200 });
    await dataSource.initialize();
    try {
      const started = Date.now();
      await expect(dataSource.query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
      expect(Date.now() - started).toBeLessThan(4_000);
    } finally {
      await dataSource.destroy();
    }
  });

  it('fails a call that waits for a connection of a full pool longer than the connect timeout', async () => {
    const dataSource = createDataSource({ url, poolSize: 1, connectTimeoutMs: 200 });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      // The only connection is held (as a long transaction would hold it): the next call must not hang.
      await expect(dataSource.query('SELECT 1')).rejects.toThrow(/timeout/i);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
  });
});
