import type { Scheduler, SchedulerFilter, SchedulerVersion } from '../entities/scheduler';

export const SCHEDULER_STORAGE = Symbol('SchedulerStorage');

/** Durable store of schedulers and all their versions (Postgres in production). */
export interface SchedulerStorage {
  /**
   * The active scheduler. `createdAt` and `rollbackVersion` come from the most recently
   * created version row (Maestro's behaviour). Throws NotFoundError.
   */
  getScheduler(name: string): Promise<Scheduler>;
  /** The scheduler as configured in one version; game and state come from the active row. Throws NotFoundError. */
  getSchedulerWithVersion(name: string, version: string): Promise<Scheduler>;
  /** The scheduler at that version, or undefined when the scheduler or the version does not exist; other failures reject. */
  findSchedulerWithVersion(name: string, version: string): Promise<Scheduler | undefined>;
  /**
   * Schedulers matching every given filter (exact match; `version` is the active version), oldest
   * first, each with the active configuration, its own creation time and no `rollbackVersion`.
   */
  listSchedulers(filter?: SchedulerFilter): Promise<Scheduler[]>;
  /** Every version, newest first. Throws NotFoundError when there is none. */
  listSchedulerVersions(name: string): Promise<SchedulerVersion[]>;
  /**
   * Inserts the scheduler and its first version row. Throws AlreadyExistsError on a duplicate name
   * (`error creating scheduler <name>: name already exists`).
   */
  createScheduler(scheduler: Scheduler): Promise<void>;
  /**
   * Inserts a version row (an existing version is silently kept) and then runs `andThen`
   * inside the same transaction: if it throws, the insert is rolled back and its error passes
   * through unchanged. Throws NotFoundError for an unknown scheduler. The active row is untouched.
   */
  createSchedulerVersion(scheduler: Scheduler, andThen?: () => Promise<void>): Promise<void>;
  /** Replaces the active configuration, state and version. Throws NotFoundError. */
  updateScheduler(scheduler: Scheduler): Promise<void>;
  /**
   * Deletes the scheduler and its versions, then runs `andThen` inside the same transaction:
   * if it throws, the delete is rolled back and its error passes through unchanged. A missing
   * scheduler is not an error.
   */
  deleteScheduler(name: string, andThen?: () => Promise<void>): Promise<void>;
}
