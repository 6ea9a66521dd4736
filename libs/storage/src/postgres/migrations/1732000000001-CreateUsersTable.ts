import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The legacy `users` table of Maestro v9, kept so the schema matches an existing Maestro database. */
export class CreateUsersTable1732000000001 implements MigrationInterface {
  name = 'CreateUsersTable1732000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS users (
      key_access_token varchar(255) PRIMARY KEY,
      access_token varchar(255) NOT NULL,
      refresh_token varchar(255),
      expiry timestamptz,
      token_type varchar(255),
      email varchar(255) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS users');
  }
}
