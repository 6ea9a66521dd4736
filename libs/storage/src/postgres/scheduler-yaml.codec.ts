import { fromGoSchedulerConfig, toGoSchedulerConfig, type Scheduler, type SchedulerColumns } from '@maestro/domain';
import { parse, stringify } from 'yaml';

/** The YAML column: the Go-shaped configuration with sorted keys (storage.md section 2). */
export function schedulerToYaml(scheduler: Scheduler): string {
  return stringify(toGoSchedulerConfig(scheduler), { sortMapEntries: true });
}

/** Parses a YAML column and completes it with the row's columns. */
export function schedulerFromYaml(yaml: string, columns: SchedulerColumns): Scheduler {
  return fromGoSchedulerConfig((parse(yaml) as Record<string, unknown>) ?? {}, columns);
}
