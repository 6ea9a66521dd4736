import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The management API's tokens (not in Maestro): the SHA-256 of each secret, never the secret. */
export class CreateApiTokensTable1733200000000 implements MigrationInterface {
  name = 'CreateApiTokensTable1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS api_tokens (
      id uuid PRIMARY KEY,
      name varchar(100) NOT NULL,
      role varchar(32) NOT NULL,
      games text[] NOT NULL,
      secret_hash char(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE UNIQUE INDEX IF NOT EXISTS api_tokens_name_unique ON api_tokens (name)');
    await q.query('CREATE UNIQUE INDEX IF NOT EXISTS api_tokens_secret_hash_unique ON api_tokens (secret_hash)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS api_tokens');
  }
}
