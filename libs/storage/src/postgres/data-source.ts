import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SchedulerOrmEntity } from './scheduler.orm-entity';
import { SchedulerVersionOrmEntity } from './scheduler-version.orm-entity';

export interface PostgresOptions {
  url: string;
  poolSize?: number;
  /** Longest wait for a connection, new or free in the pool; then the call fails (default 5 s). */
  connectTimeoutMs?: number;
  /** Longest a statement may run: ended by the server, and given up by the client 1 s later (default 10 s). */
  statementTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;
/** The client's own deadline comes after the server's, so that the server's error is the one seen. */
const CLIENT_DEADLINE_MARGIN_MS = 1_000;

/**
 * A DataSource for Maestro's tables: entities listed explicitly, never synchronised, migrations
 * explicit (tracked in `typeorm_migrations`; golang-migrate's `schema_migrations` is left alone).
 */
export function createDataSource(options: PostgresOptions): DataSource {
  const statementTimeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: [SchedulerOrmEntity, SchedulerVersionOrmEntity],
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    // Every wait on Postgres is bounded: a full pool or an unreachable server fails the call instead
    // of hanging it, and a statement that runs away is ended.
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      statement_timeout: statementTimeout,
      query_timeout: statementTimeout + CLIENT_DEADLINE_MARGIN_MS,
    },
  });
}

/** Creates the database of `url` when it does not exist (connecting to the `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!database) throw new Error(`no database name in postgres URL ${redactUrl(url)}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another process may have created it at the same moment (duplicate_database, or the catalog's unique index).
    if (!['42P04', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await client.end();
  }
}

/** Creates the database if needed and applies every pending migration; returns their names. */
export async function migrate(options: PostgresOptions): Promise<string[]> {
  await ensureDatabase(options.url);
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid url>';
  }
}
