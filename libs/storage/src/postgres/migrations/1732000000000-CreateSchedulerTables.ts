import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Maestro's schema after its migrations 0001-0007: schedulers and their versions. */
export class CreateSchedulerTables1732000000000 implements MigrationInterface {
  name = 'CreateSchedulerTables1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
    await q.query(`CREATE TABLE IF NOT EXISTS schedulers (
      id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
      name varchar(255) NOT NULL,
      game varchar(255) NOT NULL,
      yaml text NOT NULL,
      state text NOT NULL,
      state_last_changed_at integer NOT NULL DEFAULT 0,
      last_scale_op_at integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NULL,
      version varchar(255) NULL
    )`);
    await q.query('CREATE UNIQUE INDEX IF NOT EXISTS schedulers_name_unique ON schedulers (name)');
    await q.query('CREATE INDEX IF NOT EXISTS scheduler_name ON schedulers (name)');
    await q.query(`CREATE TABLE IF NOT EXISTS scheduler_versions (
      id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
      name varchar(255) NOT NULL REFERENCES schedulers (name) ON DELETE CASCADE,
      version varchar(255) NOT NULL,
      yaml text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      rolling_update_status varchar(255) NULL,
      rollback_version varchar(255) NULL
    )`);
    await q.query('CREATE UNIQUE INDEX IF NOT EXISTS schedulers_version_unique ON scheduler_versions (name, version)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS scheduler_versions');
    await q.query('DROP TABLE IF EXISTS schedulers');
  }
}
