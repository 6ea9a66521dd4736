import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureDatabase, redactUrl } from './data-source';

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
