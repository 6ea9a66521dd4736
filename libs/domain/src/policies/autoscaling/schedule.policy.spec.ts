import type { AutoscalingPolicy, ScheduleParameters } from '../../entities/scheduler';
import { activeSchedulePolicy, formatWindowEnd, isTimeZone, parseScheduleDuration } from './schedule.policy';

const buffer = (amount: number): AutoscalingPolicy => ({ type: 'fixedBuffer', parameters: { fixedBuffer: { amount } } });
const evening: ScheduleParameters = {
  timezone: 'UTC',
  entries: [
    { cron: '0 18 * * *', duration: '4h', policy: buffer(10) },
    { cron: '0 20 * * *', duration: '1h', policy: buffer(20) },
  ],
  default: buffer(2),
};
const at = (iso: string) => new Date(iso);

describe('the schedule policy', () => {
  it('applies the default outside every window', () => {
    expect(activeSchedulePolicy(evening, at('2026-03-01T17:59:59Z'))).toEqual({ policy: buffer(2) });
    expect(activeSchedulePolicy(evening, at('2026-03-01T22:00:00Z'))).toEqual({ policy: buffer(2) });
  });

  it('opens a window the moment its cron fires and keeps it for its duration', () => {
    const opened = activeSchedulePolicy(evening, at('2026-03-01T18:00:00Z'));
    expect(opened.policy).toEqual(buffer(10));
    expect(opened.window?.until).toEqual(at('2026-03-01T22:00:00Z'));
    expect(activeSchedulePolicy(evening, at('2026-03-01T21:59:59Z')).policy).toEqual(buffer(10));
  });

  it('lets the first open window win over a later entry that is open too', () => {
    expect(activeSchedulePolicy(evening, at('2026-03-01T20:30:00Z')).policy).toEqual(buffer(10));
  });

  it('reads the crons in the schedule time zone', () => {
    const paris = { ...evening, timezone: 'Europe/Paris' };
    // 18:00 in Paris is 17:00 UTC in winter.
    expect(activeSchedulePolicy(paris, at('2026-01-10T17:30:00Z')).window?.until).toEqual(at('2026-01-10T21:00:00Z'));
    expect(activeSchedulePolicy(paris, at('2026-01-10T16:59:00Z')).policy).toEqual(buffer(2));
  });

  it('parses Go-like durations and refuses others', () => {
    expect(parseScheduleDuration('4h')).toBe(4 * 3_600_000);
    expect(parseScheduleDuration('1h30m')).toBe(90 * 60_000);
    expect(parseScheduleDuration('45s')).toBe(45_000);
    for (const bad of ['', '0m', '4', 'h', '1d', '-1h', '1.5h', '30m1h']) expect(parseScheduleDuration(bad)).toBeUndefined();
  });

  it('knows IANA time zones', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('prints a window end in the schedule time zone', () => {
    expect(formatWindowEnd(at('2026-01-10T21:00:00Z'), 'Europe/Paris')).toBe('22:00 Europe/Paris');
    expect(formatWindowEnd(at('2026-01-10T22:00:00Z'), 'UTC')).toBe('22:00 UTC');
  });
});
