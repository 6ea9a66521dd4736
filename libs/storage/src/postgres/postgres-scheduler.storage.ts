import {
  AlreadyExistsError,
  NotFoundError,
  UnavailableError,
  UnexpectedError,
  type Scheduler,
  type SchedulerFilter,
  type SchedulerStorage,
  type SchedulerVersion,
} from '@maestro/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { type SchedulerRow, type VersionColumns, schedulerFromRow, schedulerToRow, versionFromRow, versionToRow } from './scheduler.mapper';
import { SchedulerOrmEntity } from './scheduler.orm-entity';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/** A `schedulers` row joined with one version row (columns aliased to the ORM property names). */
type JoinedRow = SchedulerRow & { versionCreatedAt: Date | null; rollbackVersion: string | null };

const JOINED_COLUMNS = `s.name, s.game, s.state, s.version, s.created_at AS "createdAt",
  v.created_at AS "versionCreatedAt", v.rollback_version AS "rollbackVersion"`;

/** SchedulerStorage on Maestro's Postgres tables (storage.md section 1). */
export class PostgresSchedulerStorage implements SchedulerStorage {
  constructor(private readonly dataSource: DataSource) {}

  async getScheduler(name: string): Promise<Scheduler> {
    const rows = await this.query<JoinedRow[]>(
      'get scheduler',
      `SELECT ${JOINED_COLUMNS}, s.yaml
         FROM schedulers s LEFT JOIN scheduler_versions v ON v.name = s.name
        WHERE s.name = $1 ORDER BY v.created_at DESC NULLS LAST LIMIT 1`,
      [name],
    );
    if (rows.length === 0) throw new NotFoundError(`scheduler ${name} not found`);
    return fromJoined(rows[0]);
  }

  async getSchedulerWithVersion(name: string, version: string): Promise<Scheduler> {
    const scheduler = await this.findSchedulerWithVersion(name, version);
    if (!scheduler) throw new NotFoundError(`scheduler ${name} not found`);
    return scheduler;
  }

  async findSchedulerWithVersion(name: string, version: string): Promise<Scheduler | undefined> {
    const rows = await this.query<JoinedRow[]>(
      'get scheduler version',
      `SELECT s.name, s.game, s.state, v.version, v.yaml, v.created_at AS "createdAt",
              v.created_at AS "versionCreatedAt", v.rollback_version AS "rollbackVersion"
         FROM schedulers s JOIN scheduler_versions v ON v.name = s.name AND v.version = $2
        WHERE s.name = $1`,
      [name, version],
    );
    return rows.length === 0 ? undefined : fromJoined(rows[0]);
  }

  async listSchedulers(filter: SchedulerFilter = {}): Promise<Scheduler[]> {
    const where = Object.fromEntries(Object.entries({ name: filter.name, game: filter.game, version: filter.version }).filter(([, v]) => v));
    try {
      const rows = await this.dataSource.getRepository(SchedulerOrmEntity).find({ where, order: { createdAt: 'ASC', name: 'ASC' } });
      return rows.map((row) => schedulerFromRow(row));
    } catch (cause) {
      throw unexpected('list schedulers', cause);
    }
  }

  async listSchedulerVersions(name: string): Promise<SchedulerVersion[]> {
    const rows = await this.query<{ version: string; isActive: boolean | null; createdAt: Date }[]>(
      'list scheduler versions',
      `SELECT v.version, v.version = s.version AS "isActive", v.created_at AS "createdAt"
         FROM scheduler_versions v JOIN schedulers s ON s.name = v.name
        WHERE v.name = $1 ORDER BY v.created_at DESC`,
      [name],
    );
    if (rows.length === 0) throw new NotFoundError(`scheduler ${name} not found`);
    return rows.map(versionFromRow);
  }

  async createScheduler(scheduler: Scheduler): Promise<void> {
    const row = schedulerToRow(scheduler);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO schedulers (name, game, yaml, state, version, state_last_changed_at)
           VALUES ($1, $2, $3, $4, $5, extract(epoch from now())::integer)`,
          [row.name, row.game, row.yaml, row.state, row.version],
        );
        await insertVersion(manager, scheduler);
      });
    } catch (cause) {
      if (pgCode(cause) === UNIQUE_VIOLATION) {
        throw new AlreadyExistsError(`error creating scheduler ${scheduler.name}: name already exists`, { cause });
      }
      throw unexpected(`create scheduler ${scheduler.name}`, cause);
    }
  }

  async createSchedulerVersion(scheduler: Scheduler, andThen?: () => Promise<void>): Promise<void> {
    await this.inTransaction(`create version of scheduler ${scheduler.name}`, async (manager) => {
      try {
        await insertVersion(manager, scheduler);
      } catch (cause) {
        if (pgCode(cause) === FOREIGN_KEY_VIOLATION) throw new NotFoundError(`scheduler ${scheduler.name} not found`, { cause });
        throw unexpected(`create version of scheduler ${scheduler.name}`, cause);
      }
      await andThen?.();
    });
  }

  async updateScheduler(scheduler: Scheduler): Promise<void> {
    const row = schedulerToRow(scheduler);
    const [, affected] = await this.query<[unknown[], number]>(
      `update scheduler ${scheduler.name}`,
      `UPDATE schedulers SET name = $1, game = $2, yaml = $3, state = $4, version = $5, updated_at = now(),
              state_last_changed_at = extract(epoch from now())::integer
        WHERE name = $1`,
      [row.name, row.game, row.yaml, row.state, row.version],
    );
    if (affected === 0) throw new NotFoundError(`scheduler ${scheduler.name} not found`);
  }

  async deleteScheduler(name: string, andThen?: () => Promise<void>): Promise<void> {
    await this.inTransaction(`delete scheduler ${name}`, async (manager) => {
      try {
        await manager.query('DELETE FROM schedulers WHERE name = $1', [name]);
      } catch (cause) {
        throw unexpected(`delete scheduler ${name}`, cause);
      }
      await andThen?.();
    });
  }

  /** Runs `work` in a transaction; errors of `work` (domain errors of `andThen`) pass through unchanged. */
  private async inTransaction(what: string, work: (manager: EntityManager) => Promise<void>): Promise<void> {
    let failure: { error: unknown } | undefined;
    try {
      await this.dataSource.transaction(async (manager) => {
        try {
          await work(manager);
        } catch (error) {
          failure = { error };
          throw error;
        }
      });
    } catch (error) {
      if (failure) throw failure.error;
      throw unexpected(what, error);
    }
  }

  private async query<T>(what: string, sql: string, params: unknown[]): Promise<T> {
    try {
      return (await this.dataSource.query(sql, params)) as T;
    } catch (cause) {
      throw unexpected(what, cause);
    }
  }
}

async function insertVersion(manager: EntityManager, scheduler: Scheduler): Promise<void> {
  const row = versionToRow(scheduler);
  // Re-creating an existing version is silently ignored (Maestro's ON CONFLICT DO NOTHING).
  await manager.query(
    `INSERT INTO scheduler_versions (name, version, yaml, rollback_version) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING`,
    [row.name, row.version, row.yaml, row.rollbackVersion],
  );
}

function fromJoined(row: JoinedRow): Scheduler {
  const version: VersionColumns = {
    createdAt: row.versionCreatedAt ?? undefined,
    rollbackVersion: row.rollbackVersion,
  };
  return schedulerFromRow(row, version);
}

/**
 * Failures of the connection rather than of the statement: refused, reset or timed-out connections,
 * a server shutting down or starting (SQLSTATE class 08 and 57P01-57P03), a connection cut mid-query.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);
const CONNECTION_MESSAGE =
  /connection terminated|timeout exceeded when trying to connect|connection (refused|reset)|the database system is (starting up|shutting down)/i;

function isUnavailable(cause: unknown): boolean {
  const code = pgCode(cause);
  if (code !== undefined && (NETWORK_CODES.has(code) || code.startsWith('08'))) return true;
  const causes = [cause, (cause as { cause?: unknown })?.cause, ...((cause as { errors?: unknown[] })?.errors ?? [])];
  return causes.some((c) => c instanceof Error && (CONNECTION_MESSAGE.test(c.message) || NETWORK_CODES.has(String((c as { code?: unknown }).code))));
}

/** The domain error of a failed statement: UnavailableError when Postgres could not be reached (HTTP 503), else UnexpectedError. */
function unexpected(what: string, cause: unknown): UnexpectedError | UnavailableError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  if (isUnavailable(cause)) return new UnavailableError(`postgres: ${what} failed: ${reason}`, { cause });
  return new UnexpectedError(`postgres: ${what} failed: ${reason}`, { cause });
}

function pgCode(error: unknown): string | undefined {
  const direct = (error as { code?: string }).code;
  return direct ?? (error as { driverError?: { code?: string } }).driverError?.code;
}
