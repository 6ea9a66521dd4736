import { fromGoSchedulerConfig, toGoSchedulerConfig, type Scheduler, type SchedulerColumns } from '@maestro/domain';
import { parse, stringify } from 'yaml';

/**
 * Writing options that reproduce Go's `yaml.Marshal` output (storage.md section 2): keys sorted,
 * sequences not indented under their key, and YAML 1.1 quoting (`"1"`, `"0001-01-01T00:00:00Z"`, `"yes"`).
 */
const WRITE_OPTIONS = { sortMapEntries: true, version: '1.1', indentSeq: false, lineWidth: 0 } as const;

/** The YAML column: the Go-shaped configuration with sorted keys. */
export function schedulerToYaml(scheduler: Scheduler): string {
  return stringify(toGoSchedulerConfig(scheduler), WRITE_OPTIONS);
}

/**
 * Parses a YAML column (ours or one written by Maestro; keys case-insensitive) and completes it with
 * the row's columns. Read with the YAML 1.2 core schema, so quoted or not, times stay strings.
 */
export function schedulerFromYaml(yaml: string, columns: SchedulerColumns): Scheduler {
  return fromGoSchedulerConfig((parse(yaml) as Record<string, unknown> | null) ?? {}, columns);
}
