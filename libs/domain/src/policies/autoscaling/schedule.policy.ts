import { Cron } from 'croner';
import type { AutoscalingPolicy, ScheduleEntry, ScheduleParameters } from '../../entities/scheduler';

/** The longest window a schedule entry may last. */
export const MAX_SCHEDULE_DURATION_MS = 7 * 24 * 3_600_000;

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** `4h`, `90m`, `1h30m`, `45s` in milliseconds; undefined when malformed or zero. */
export function parseScheduleDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === '') return undefined;
  const [, h = '0', m = '0', s = '0'] = match;
  const ms = ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
  return ms > 0 ? ms : undefined;
}

/** Whether `timezone` is an IANA time zone name the runtime knows. */
export function isTimeZone(timezone: string): boolean {
  if (timezone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** A five-field cron (minute hour day-of-month month day-of-week) read in `timezone`; throws when malformed. */
export function parseCron(cron: string, timezone: string): Cron {
  return new Cron(cron, { timezone, mode: '5-part', paused: true });
}

/** The schedule's policy at `now`: the first entry whose cron fired within its duration, or the default. */
export interface ActiveSchedulePolicy {
  policy: AutoscalingPolicy;
  /** The open window; undefined when the default applies. */
  window?: { entry: ScheduleEntry; until: Date };
}

/** Picks the policy of the first open window (entries in order), else the default. Throws for a bad cron or duration. */
export function activeSchedulePolicy(schedule: ScheduleParameters, now: Date): ActiveSchedulePolicy {
  for (const entry of schedule.entries) {
    const durationMs = parseScheduleDuration(entry.duration);
    if (durationMs === undefined) throw new RangeError(`invalid schedule duration ${entry.duration}`);
    // A run at `now` exactly opens its window: the reference is just after it.
    const [fired] = parseCron(entry.cron, schedule.timezone).previousRuns(1, new Date(now.getTime() + 1));
    if (fired && now.getTime() < fired.getTime() + durationMs) {
      return { policy: entry.policy, window: { entry, until: new Date(fired.getTime() + durationMs) } };
    }
  }
  return { policy: schedule.default };
}

/** `22:00 UTC`: the time of day in the schedule's time zone, then the zone's name. */
export function formatWindowEnd(until: Date, timezone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(until);
  return `${time} ${timezone}`;
}
