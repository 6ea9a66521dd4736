import type { Scheduler } from '@maestro/domain';
import type { SchedulerJson } from '../api/wire-types';
import { domain } from '../lazy';

/**
 * A scheduler's JSON (a scheduler file, or the API's answer) as the domain's Scheduler, read the
 * way the management API reads a request (the domain's mapping and defaults), so the domain's
 * rules (major or minor) apply to it. Maps that are empty count as absent: the API prints `{}` for
 * a scheduler without annotations or labels.
 */
export function toDomainScheduler(json: SchedulerJson): Scheduler {
  const { schedulerFromRequestJson, ZERO_TIME } = domain();
  const terminationGracePeriodNs = durationNs(json.spec?.terminationGracePeriod);
  const scheduler = schedulerFromRequestJson(json, { name: json.name ?? '', createdAt: new Date(ZERO_TIME), terminationGracePeriodNs });
  return { ...scheduler, annotations: nonEmpty(json.annotations), labels: nonEmpty(json.labels) };
}

/** A protobuf Duration ("5s", "0.5s") in nanoseconds; 0 when absent or unreadable (the API then refuses it). */
export function durationNs(text: string | undefined): number {
  const match = /^(\d+)(?:\.(\d{1,9}))?s$/.exec(text ?? '');
  if (!match) return 0;
  return Number(match[1]) * 1e9 + Number((match[2] ?? '').padEnd(9, '0'));
}

const nonEmpty = (map: Record<string, string> | undefined) => (map && Object.keys(map).length > 0 ? map : undefined);
