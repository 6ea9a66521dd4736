import {
  AlreadyExistsError,
  type Clock,
  NotFoundError,
  type Scheduler,
  type SchedulerFilter,
  type SchedulerStorage,
  type SchedulerVersion,
  systemClock,
} from '@maestro/domain';

/** A `schedulers` row: the active configuration, and when the scheduler was created (`seq` orders rows). */
interface ActiveRow {
  scheduler: Scheduler;
  createdAt: Date;
  seq: number;
}

/** A `scheduler_versions` row: one version's configuration and when it was created. */
interface VersionRow {
  scheduler: Scheduler;
  createdAt: Date;
}

/**
 * SchedulerStorage in memory, for unit tests, shaped like the Postgres tables: one active row per
 * scheduler and its version rows (oldest first), read back as PostgresSchedulerStorage answers them.
 * `andThen` steps run after the write and undo it when they throw, like the adapter's transactions.
 */
export class InMemorySchedulerStorage implements SchedulerStorage {
  private readonly rows = new Map<string, ActiveRow>();
  private readonly versions = new Map<string, VersionRow[]>();
  private nextSeq = 0;

  constructor(private readonly clock: Clock = systemClock) {}

  async getScheduler(name: string): Promise<Scheduler> {
    const row = this.row(name);
    const newest = this.versionsOf(name).at(-1);
    return {
      ...structuredClone(row.scheduler),
      createdAt: new Date(newest?.createdAt ?? row.createdAt),
      rollbackVersion: newest?.scheduler.rollbackVersion ?? '',
    };
  }

  async getSchedulerWithVersion(name: string, version: string): Promise<Scheduler> {
    const scheduler = await this.findSchedulerWithVersion(name, version);
    if (!scheduler) throw new NotFoundError(`scheduler ${name} not found`);
    return scheduler;
  }

  async findSchedulerWithVersion(name: string, version: string): Promise<Scheduler | undefined> {
    const row = this.rows.get(name);
    const stored = this.versionsOf(name).find((v) => v.scheduler.spec.version === version);
    if (!row || !stored) return undefined;
    return { ...structuredClone(stored.scheduler), name, game: row.scheduler.game, state: row.scheduler.state, createdAt: new Date(stored.createdAt) };
  }

  async listSchedulers(filter: SchedulerFilter = {}): Promise<Scheduler[]> {
    return [...this.rows.values()]
      .sort((a, b) => a.seq - b.seq)
      .filter(
        ({ scheduler }) =>
          (!filter.name || scheduler.name === filter.name) &&
          (!filter.game || scheduler.game === filter.game) &&
          (!filter.version || scheduler.spec.version === filter.version),
      )
      .map((row) => ({ ...structuredClone(row.scheduler), createdAt: new Date(row.createdAt), rollbackVersion: '' }));
  }

  async listSchedulerVersions(name: string): Promise<SchedulerVersion[]> {
    const row = this.rows.get(name);
    const versions = this.versionsOf(name);
    if (!row || versions.length === 0) throw new NotFoundError(`scheduler ${name} not found`);
    return [...versions]
      .reverse()
      .map((v) => ({ version: v.scheduler.spec.version, isActive: v.scheduler.spec.version === row.scheduler.spec.version, createdAt: new Date(v.createdAt) }));
  }

  async createScheduler(scheduler: Scheduler): Promise<void> {
    if (this.rows.has(scheduler.name)) throw new AlreadyExistsError(`error creating scheduler ${scheduler.name}: name already exists`);
    const createdAt = this.clock.now();
    this.rows.set(scheduler.name, { scheduler: structuredClone(scheduler), createdAt, seq: this.nextSeq++ });
    this.versions.set(scheduler.name, [{ scheduler: structuredClone(scheduler), createdAt }]);
  }

  async createSchedulerVersion(scheduler: Scheduler, andThen?: () => Promise<void>): Promise<void> {
    this.row(scheduler.name);
    const versions = this.versionsOf(scheduler.name);
    const before = [...versions];
    if (!versions.some((v) => v.scheduler.spec.version === scheduler.spec.version)) {
      versions.push({ scheduler: structuredClone(scheduler), createdAt: this.clock.now() });
    }
    try {
      await andThen?.();
    } catch (error) {
      this.versions.set(scheduler.name, before);
      throw error;
    }
  }

  async updateScheduler(scheduler: Scheduler): Promise<void> {
    this.row(scheduler.name).scheduler = structuredClone(scheduler);
  }

  async deleteScheduler(name: string, andThen?: () => Promise<void>): Promise<void> {
    const row = this.rows.get(name);
    const versions = this.versions.get(name);
    this.rows.delete(name);
    this.versions.delete(name);
    try {
      await andThen?.();
    } catch (error) {
      if (row) this.rows.set(name, row);
      if (versions) this.versions.set(name, versions);
      throw error;
    }
  }

  private row(name: string): ActiveRow {
    const row = this.rows.get(name);
    if (!row) throw new NotFoundError(`scheduler ${name} not found`);
    return row;
  }

  private versionsOf(name: string): VersionRow[] {
    return this.versions.get(name) ?? [];
  }
}
