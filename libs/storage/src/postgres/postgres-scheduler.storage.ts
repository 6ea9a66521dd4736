import {
  AlreadyExistsError,
  NotFoundError,
  UnexpectedError,
  type Scheduler,
  type SchedulerFilter,
  type SchedulerStorage,
  type SchedulerVersion,
} from '@maestro/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { schedulerFromYaml, schedulerToYaml } from './scheduler-yaml.codec';

interface SchedulerRow {
  name: string;
  game: string;
  yaml: string;
  state: string;
  version: string | null;
  created_at: Date;
  rollback_version?: string | null;
}

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/** SchedulerStorage on Maestro's Postgres tables (storage.md section 1). */
export class PostgresSchedulerStorage implements SchedulerStorage {
  constructor(private readonly dataSource: DataSource) {}

  async getScheduler(name: string): Promise<Scheduler> {
    const rows: SchedulerRow[] = await this.query(
      `SELECT s.name, s.game, s.yaml, s.state, s.version,
              COALESCE(v.created_at, s.created_at) AS created_at, v.rollback_version
         FROM schedulers s LEFT JOIN scheduler_versions v ON v.name = s.name
        WHERE s.name = $1 ORDER BY v.created_at DESC NULLS LAST LIMIT 1`,
      [name],
    );
    if (rows.length === 0) throw new NotFoundError(`scheduler ${name} not found`);
    return toScheduler(rows[0]);
  }

  async getSchedulerWithVersion(name: string, version: string): Promise<Scheduler> {
    const rows: SchedulerRow[] = await this.query(
      `SELECT s.name, s.game, v.yaml, s.state, v.version, v.created_at, v.rollback_version
         FROM schedulers s JOIN scheduler_versions v ON v.name = s.name AND v.version = $2
        WHERE s.name = $1`,
      [name, version],
    );
    if (rows.length === 0) throw new NotFoundError(`scheduler ${name} not found`);
    return toScheduler(rows[0]);
  }

  async listSchedulers(filter: SchedulerFilter = {}): Promise<Scheduler[]> {
    const conditions: string[] = [];
    const params: string[] = [];
    for (const [column, value] of [['name', filter.name], ['game', filter.game], ['version', filter.version]] as const) {
      if (value) {
        params.push(value);
        conditions.push(`${column} = $${params.length}`);
      }
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows: SchedulerRow[] = await this.query(
      `SELECT name, game, yaml, state, version, created_at FROM schedulers ${where} ORDER BY created_at, name`,
      params,
    );
    return rows.map(toScheduler);
  }

  async listSchedulerVersions(name: string): Promise<SchedulerVersion[]> {
    type VersionRow = { version: string; is_active: boolean; created_at: Date };
    const rows = await this.query<VersionRow[]>(
      `SELECT v.version, v.version = s.version AS is_active, v.created_at
         FROM scheduler_versions v JOIN schedulers s ON s.name = v.name
        WHERE v.name = $1 ORDER BY v.created_at DESC`,
      [name],
    ).catch((): VersionRow[] => []);
    if (rows.length === 0) throw new NotFoundError(`scheduler ${name} not found`);
    return rows.map((r) => ({ version: r.version, isActive: Boolean(r.is_active), createdAt: new Date(r.created_at) }));
  }

  async createScheduler(scheduler: Scheduler): Promise<void> {
    const yaml = schedulerToYaml(scheduler);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO schedulers (name, game, yaml, state, version, state_last_changed_at)
           VALUES ($1, $2, $3, $4, $5, extract(epoch from now())::integer)`,
          [scheduler.name, scheduler.game, yaml, scheduler.state, scheduler.spec.version],
        );
        await insertVersion(manager, scheduler, yaml);
      });
    } catch (error) {
      if (pgCode(error) === UNIQUE_VIOLATION) {
        throw new AlreadyExistsError(`error creating scheduler ${scheduler.name}: name already exists`, { cause: error });
      }
      throw new UnexpectedError(`error creating scheduler ${scheduler.name}`, { cause: error });
    }
  }

  async createSchedulerVersion(scheduler: Scheduler, andThen?: () => Promise<void>): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await insertVersion(manager, scheduler, schedulerToYaml(scheduler));
        await andThen?.();
      });
    } catch (error) {
      if (pgCode(error) === FOREIGN_KEY_VIOLATION) {
        throw new NotFoundError(`scheduler ${scheduler.name} not found`, { cause: error });
      }
      throw error;
    }
  }

  async updateScheduler(scheduler: Scheduler): Promise<void> {
    const result: [unknown[], number] = await this.query(
      `UPDATE schedulers SET game = $2, yaml = $3, state = $4, version = $5, updated_at = now(),
              state_last_changed_at = extract(epoch from now())::integer
        WHERE name = $1`,
      [scheduler.name, scheduler.game, schedulerToYaml(scheduler), scheduler.state, scheduler.spec.version],
    );
    if (result[1] === 0) throw new NotFoundError(`scheduler ${scheduler.name} not found`);
  }

  async deleteScheduler(name: string, andThen?: () => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM schedulers WHERE name = $1', [name]);
      await andThen?.();
    });
  }

  private async query<T>(sql: string, params: unknown[]): Promise<T> {
    try {
      return (await this.dataSource.query(sql, params)) as T;
    } catch (cause) {
      throw new UnexpectedError(`postgres query failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  }
}

async function insertVersion(manager: EntityManager, scheduler: Scheduler, yaml: string): Promise<void> {
  await manager.query(
    `INSERT INTO scheduler_versions (name, version, yaml, rollback_version) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING`,
    [scheduler.name, scheduler.spec.version, yaml, scheduler.rollbackVersion],
  );
}

function toScheduler(row: SchedulerRow): Scheduler {
  return schedulerFromYaml(row.yaml, {
    name: row.name,
    game: row.game,
    state: row.state,
    version: row.version ?? '',
    rollbackVersion: row.rollback_version ?? '',
    createdAt: new Date(row.created_at),
  });
}

function pgCode(error: unknown): string | undefined {
  const direct = (error as { code?: string }).code;
  return direct ?? ((error as { driverError?: { code?: string } }).driverError?.code);
}
