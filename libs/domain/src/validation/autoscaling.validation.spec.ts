import { aFixedBufferAutoscaling } from '@maestro/testing';
import type { Autoscaling, AutoscalingPolicy } from '../entities/scheduler';
import { InvalidArgumentError } from '../errors/domain-error';
import { validateAutoscaling } from './autoscaling.validation';
import { ForwarderAddressPolicy } from './forwarder-address.policy';

const buffer = (amount: number): AutoscalingPolicy => ({ type: 'fixedBuffer', parameters: { fixedBuffer: { amount } } });
const withPolicy = (policy: AutoscalingPolicy): Autoscaling => ({ ...aFixedBufferAutoscaling(), policy });
const schedule = (overrides: Partial<{ timezone: string; cron: string; duration: string; policy: AutoscalingPolicy; default: AutoscalingPolicy }> = {}) =>
  withPolicy({
    type: 'schedule',
    parameters: {
      schedule: {
        timezone: overrides.timezone ?? 'UTC',
        entries: [{ cron: overrides.cron ?? '0 18 * * *', duration: overrides.duration ?? '4h', policy: overrides.policy ?? buffer(10) }],
        default: overrides.default ?? buffer(2),
      },
    },
  });
const webhook = (url: string, timeoutMs = 2000, fallback = buffer(3)) => withPolicy({ type: 'webhook', parameters: { webhook: { url, timeoutMs, fallback } } });

function issuesOf(autoscaling: Autoscaling, addresses?: ForwarderAddressPolicy): { path: string; message: string }[] {
  try {
    validateAutoscaling(autoscaling, 'Autoscaling', addresses);
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    return (error.issues ?? []).map(({ path, message }) => ({ path, message }));
  }
  return [];
}
const paths = (autoscaling: Autoscaling, addresses?: ForwarderAddressPolicy) => issuesOf(autoscaling, addresses).map((i) => i.path);

describe('validation of the schedule and webhook policies', () => {
  it('accepts a valid schedule and a valid webhook', () => {
    expect(issuesOf(schedule({ timezone: 'Europe/Paris', duration: '1h30m' }))).toEqual([]);
    expect(issuesOf(webhook('https://scaler.games.svc:8443/rooms'))).toEqual([]);
  });

  it('names a bad time zone, cron and duration', () => {
    expect(issuesOf(schedule({ timezone: 'Mars/Olympus' }))).toEqual([
      { path: 'Autoscaling.Policy.Parameters.Schedule.Timezone', message: 'Timezone must be an IANA time zone such as UTC or Europe/Paris' },
    ]);
    expect(paths(schedule({ cron: '0 18 * *' }))).toEqual(['Autoscaling.Policy.Parameters.Schedule.Entries[0].Cron']);
    expect(paths(schedule({ cron: '0 0 18 * * *' }))).toEqual(['Autoscaling.Policy.Parameters.Schedule.Entries[0].Cron']);
    expect(paths(schedule({ cron: '61 18 * * *' }))).toEqual(['Autoscaling.Policy.Parameters.Schedule.Entries[0].Cron']);
    expect(paths(schedule({ duration: '4 hours' }))).toEqual(['Autoscaling.Policy.Parameters.Schedule.Entries[0].Duration']);
    expect(paths(schedule({ duration: '169h' }))).toEqual(['Autoscaling.Policy.Parameters.Schedule.Entries[0].Duration']);
    expect(paths(schedule({ duration: '' }))).toEqual(['Autoscaling.Policy.Parameters.Schedule.Entries[0].Duration']);
  });

  it('names the field of a bad inner policy, and refuses nesting a schedule', () => {
    expect(issuesOf(schedule({ policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 1.5, downThreshold: 0.9 } } } }))).toEqual([
      { path: 'Autoscaling.Policy.Parameters.Schedule.Entries[0].Policy.Parameters.RoomOccupancy.ReadyTarget', message: 'ReadyTarget must be less than 1' },
    ]);
    expect(issuesOf(schedule({ default: { type: 'schedule', parameters: {} } }))).toEqual([
      { path: 'Autoscaling.Policy.Parameters.Schedule.Default.Type', message: 'Type must be one of [roomOccupancy fixedBuffer]' },
    ]);
    expect(paths(schedule({ default: { type: 'fixedBuffer', parameters: {} } }))).toEqual([
      'Autoscaling.Policy.Parameters.Schedule.Default.Parameters.FixedBuffer',
    ]);
  });

  it('requires the block of the chosen type and at least one window', () => {
    expect(paths(withPolicy({ type: 'schedule', parameters: {} }))).toEqual(['Autoscaling.Policy.Parameters.Schedule']);
    expect(paths(withPolicy({ type: 'webhook', parameters: {} }))).toEqual(['Autoscaling.Policy.Parameters.Webhook']);
    const empty = withPolicy({ type: 'schedule', parameters: { schedule: { timezone: 'UTC', entries: [], default: buffer(1) } } });
    expect(paths(empty)).toEqual(['Autoscaling.Policy.Parameters.Schedule.Entries']);
  });

  it("names a webhook's bad URL, timeout and fallback", () => {
    expect(paths(webhook('ftp://scaler/rooms'))).toEqual(['Autoscaling.Policy.Parameters.Webhook.Url']);
    expect(paths(webhook('not a url'))).toEqual(['Autoscaling.Policy.Parameters.Webhook.Url']);
    expect(paths(webhook('http://scaler/rooms', 50))).toEqual(['Autoscaling.Policy.Parameters.Webhook.TimeoutMs']);
    expect(paths(webhook('http://scaler/rooms', 60_000))).toEqual(['Autoscaling.Policy.Parameters.Webhook.TimeoutMs']);
    expect(paths(webhook('http://scaler/rooms', 2000, buffer(0)))).toEqual(['Autoscaling.Policy.Parameters.Webhook.Fallback.Parameters.FixedBuffer.Amount']);
  });

  it('refuses a webhook URL outside the addresses allowed for forwarders', () => {
    const addresses = ForwarderAddressPolicy.parse('*.games.svc,10.0.0.0/8');
    expect(issuesOf(webhook('http://169.254.169.254/latest'), addresses)).toEqual([
      { path: 'Autoscaling.Policy.Parameters.Webhook.Url', message: 'Url must be a host or network allowed for forwarders' },
    ]);
    expect(paths(webhook('http://scaler.games.svc:8080/rooms'), addresses)).toEqual([]);
    expect(paths(webhook('http://10.1.2.3:8080/rooms'), addresses)).toEqual([]);
  });

  it('bounds allocationBufferMinutes when set', () => {
    const buffered = (minutes: number) => withPolicy({ type: 'fixedBuffer', parameters: { fixedBuffer: { amount: 2, allocationBufferMinutes: minutes } } });
    expect(paths(buffered(5))).toEqual([]);
    expect(paths(buffered(0))).toEqual(['Autoscaling.Policy.Parameters.FixedBuffer.AllocationBufferMinutes']);
    expect(paths(buffered(61))).toEqual(['Autoscaling.Policy.Parameters.FixedBuffer.AllocationBufferMinutes']);
  });
});
