import type { Scheduler, SchedulerVersion } from '@maestro/domain';
import { schedulerFromYaml, schedulerToYaml } from './scheduler-yaml.codec';
import type { SchedulerOrmEntity } from './scheduler.orm-entity';
import type { SchedulerVersionOrmEntity } from './scheduler-version.orm-entity';

/** The `schedulers` columns a scheduler is read from. */
export type SchedulerRow = Pick<SchedulerOrmEntity, 'name' | 'game' | 'yaml' | 'state' | 'version' | 'createdAt'>;

/** The version columns that complete a scheduler (newest version row, or the requested one). */
export type VersionColumns = Partial<Pick<SchedulerVersionOrmEntity, 'createdAt' | 'rollbackVersion'>>;

/**
 * A domain scheduler from a `schedulers` row: YAML, state and version from the row; `createdAt` and
 * `rollbackVersion` from the version row when there is one (storage.md 1.2), else the row's insert time.
 */
export function schedulerFromRow(row: SchedulerRow, version: VersionColumns = {}): Scheduler {
  return schedulerFromYaml(row.yaml, {
    name: row.name,
    game: row.game,
    state: row.state,
    version: row.version ?? '',
    rollbackVersion: version.rollbackVersion ?? '',
    createdAt: new Date(version.createdAt ?? row.createdAt),
  });
}

/** The `schedulers` columns written for a scheduler (active configuration). */
export function schedulerToRow(scheduler: Scheduler): Pick<SchedulerOrmEntity, 'name' | 'game' | 'yaml' | 'state' | 'version'> {
  return {
    name: scheduler.name,
    game: scheduler.game,
    yaml: schedulerToYaml(scheduler),
    state: scheduler.state,
    version: scheduler.spec.version,
  };
}

/** The `scheduler_versions` columns written for a new version. */
export function versionToRow(scheduler: Scheduler): Pick<SchedulerVersionOrmEntity, 'name' | 'version' | 'yaml' | 'rollbackVersion'> {
  return {
    name: scheduler.name,
    version: scheduler.spec.version,
    yaml: schedulerToYaml(scheduler),
    rollbackVersion: scheduler.rollbackVersion,
  };
}

/** A row of the versions listing. */
export function versionFromRow(row: { version: string; isActive: boolean | null; createdAt: Date }): SchedulerVersion {
  return { version: row.version, isActive: Boolean(row.isActive), createdAt: new Date(row.createdAt) };
}
