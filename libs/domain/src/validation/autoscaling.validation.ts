import type { AllocationBuffer, Autoscaling, AutoscalingPolicy, ScheduleParameters, WebhookParameters } from '../entities/scheduler';
import { AUTOSCALING_POLICY_TYPES, BASIC_POLICY_TYPES } from '../entities/scheduler';
import { isTimeZone, MAX_SCHEDULE_DURATION_MS, parseCron, parseScheduleDuration } from '../policies/autoscaling/schedule.policy';
import { IssueCollector, isOneOf, rule } from './field-rules';
import type { ForwarderAddressPolicy } from './forwarder-address.policy';
import { INPUT_LIMITS } from './input-limits';
import { throwIfAny } from './validation-message';

/**
 * Every autoscaling rule of management-api.md section 5, reported under the collector's path
 * in Go struct order (Min, Max, Cooldown, Policy.Type, Policy.Parameters.RoomOccupancy, .FixedBuffer),
 * then this project's policies (.Schedule, .Webhook; autoscaling.md). A webhook's URL must be an
 * address forwarders may reach (`addresses`; anywhere when absent).
 */
export function collectAutoscalingIssues(autoscaling: Autoscaling, at: IssueCollector, addresses?: ForwarderAddressPolicy): void {
  at.check(autoscaling.min < 1, 'Min', 'min', (f) => rule.min(f, 1)) ||
    at.check(autoscaling.max >= 0 && autoscaling.min > autoscaling.max, 'Min', 'custom_lower_than', (f) => rule.lowerThan(f, 'Max'));
  at.check(autoscaling.max < -1, 'Max', 'min', (f) => rule.min(f, -1));
  at.check(autoscaling.cooldown < 0, 'Cooldown', 'min', (f) => rule.min(f, 0));
  collectPolicyIssues(autoscaling.policy, at.at('Policy'), AUTOSCALING_POLICY_TYPES, addresses);
}

function collectPolicyIssues(policy: AutoscalingPolicy, at: IssueCollector, types: readonly string[], addresses?: ForwarderAddressPolicy): void {
  const type = policy.type;
  // No `required` tag upstream: an empty type fails `oneof` like any unknown one.
  at.check(!isOneOf(type, types), 'Type', 'oneof', (f) => rule.oneOf(f, types));

  const parameters = at.at('Parameters');
  const { roomOccupancy, fixedBuffer, schedule, webhook } = policy.parameters;
  if (roomOccupancy) {
    const occupancy = parameters.at('RoomOccupancy');
    occupancy.check(!(roomOccupancy.readyTarget > 0), 'ReadyTarget', 'gt', (f) => rule.gt(f, 0)) ||
      occupancy.check(!(roomOccupancy.readyTarget < 1), 'ReadyTarget', 'lt', (f) => rule.lt(f, 1));
    occupancy.check(!(roomOccupancy.downThreshold > 0), 'DownThreshold', 'gt', (f) => rule.gt(f, 0)) ||
      occupancy.check(!(roomOccupancy.downThreshold < 1), 'DownThreshold', 'lt', (f) => rule.lt(f, 1));
    collectAllocationBufferIssues(roomOccupancy, occupancy);
  } else {
    parameters.check(
      type === 'roomOccupancy',
      'RoomOccupancy',
      'required_for_room_occupancy',
      () => 'RoomOccupancy must not be nil for RoomOccupancy policy type',
    );
  }
  if (fixedBuffer) {
    const buffer = parameters.at('FixedBuffer');
    buffer.check(!(fixedBuffer.amount > 0), 'Amount', 'gt', (f) => rule.gt(f, 0));
    collectAllocationBufferIssues(fixedBuffer, buffer);
  } else {
    parameters.check(type === 'fixedBuffer', 'FixedBuffer', 'required_for_fixed_buffer', () => 'FixedBuffer must not be nil for FixedBuffer policy type');
  }
  // These blocks are checked only under their own type, where it is allowed: a window holds no schedule.
  if (!isOneOf(type, types)) return;
  if (type === 'schedule') {
    if (schedule) collectScheduleIssues(schedule, parameters.at('Schedule'));
    else parameters.check(true, 'Schedule', 'required_for_schedule', () => 'Schedule must not be nil for Schedule policy type');
  }
  if (type === 'webhook') {
    if (webhook) collectWebhookIssues(webhook, parameters.at('Webhook'), addresses);
    else parameters.check(true, 'Webhook', 'required_for_webhook', () => 'Webhook must not be nil for Webhook policy type');
  }
}

function collectAllocationBufferIssues(p: AllocationBuffer, at: IssueCollector): void {
  const minutes = p.allocationBufferMinutes;
  if (minutes === undefined) return;
  const max = INPUT_LIMITS.allocationBufferMaxMinutes;
  at.check(!(minutes > 0), 'AllocationBufferMinutes', 'gt', (f) => rule.gt(f, 0)) ||
    at.check(minutes > max, 'AllocationBufferMinutes', 'max', (f) => rule.max(f, max));
}

function collectScheduleIssues(schedule: ScheduleParameters, at: IssueCollector): void {
  const timezoneOk = isTimeZone(schedule.timezone);
  at.check(schedule.timezone === '', 'Timezone', 'required', rule.required) ||
    at.check(!timezoneOk, 'Timezone', 'timezone', (f) => `${f} must be an IANA time zone such as UTC or Europe/Paris`);
  const { scheduleEntries: maxEntries } = INPUT_LIMITS;
  at.check(schedule.entries.length === 0, 'Entries', 'required', rule.required) ||
    at.check(schedule.entries.length > maxEntries, 'Entries', 'max', (f) => rule.maxItems(f, maxEntries));
  schedule.entries.slice(0, maxEntries).forEach((entry, i) => {
    const entryAt = at.at(`Entries[${i}]`);
    entryAt.check(entry.cron === '', 'Cron', 'required', rule.required) ||
      entryAt.check(
        !isCron(entry.cron, timezoneOk ? schedule.timezone : 'UTC'),
        'Cron',
        'cron',
        (f) => `${f} must be a cron of five fields (minute hour day month weekday)`,
      );
    const durationMs = parseScheduleDuration(entry.duration);
    entryAt.check(entry.duration === '', 'Duration', 'required', rule.required) ||
      entryAt.check(durationMs === undefined, 'Duration', 'duration', (f) => `${f} must be a duration such as 4h, 90m or 1h30m`) ||
      entryAt.check((durationMs ?? 0) > MAX_SCHEDULE_DURATION_MS, 'Duration', 'max', (f) => `${f} must be 168h or less`);
    collectPolicyIssues(entry.policy, entryAt.at('Policy'), BASIC_POLICY_TYPES);
  });
  collectPolicyIssues(schedule.default, at.at('Default'), BASIC_POLICY_TYPES);
}

function collectWebhookIssues(webhook: WebhookParameters, at: IssueCollector, addresses?: ForwarderAddressPolicy): void {
  const { webhookUrlLength: maxLength, webhookTimeoutMinMs: minMs, webhookTimeoutMaxMs: maxMs } = INPUT_LIMITS;
  const url = parseHttpUrl(webhook.url);
  at.check(webhook.url === '', 'Url', 'required', rule.required) ||
    at.check(webhook.url.length > maxLength, 'Url', 'max', (f) => rule.maxLength(f, maxLength)) ||
    at.check(url === undefined, 'Url', 'url', (f) => `${f} must be an http or https URL`) ||
    at.check(
      url !== undefined && addresses?.check(url.host) === 'denied',
      'Url',
      'allowed_address',
      (f) => `${f} must be a host or network allowed for forwarders`,
    );
  at.check(!Number.isInteger(webhook.timeoutMs) || webhook.timeoutMs < minMs, 'TimeoutMs', 'min', (f) => `${f} must be ${minMs}ms or greater`) ||
    at.check(webhook.timeoutMs > maxMs, 'TimeoutMs', 'max', (f) => `${f} must be ${maxMs}ms or less`);
  collectPolicyIssues(webhook.fallback, at.at('Fallback'), BASIC_POLICY_TYPES);
}

function isCron(cron: string, timezone: string): boolean {
  try {
    parseCron(cron, timezone);
    return true;
  } catch {
    return false;
  }
}

function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Validates an autoscaling object on its own, as Maestro does while converting a create or
 * new-version request: issues are named `<root>.<field>` (`Autoscaling.` by default). Throws InvalidArgumentError.
 */
export function validateAutoscaling(autoscaling: Autoscaling, root = 'Autoscaling', addresses?: ForwarderAddressPolicy): void {
  const at = IssueCollector.root(root);
  collectAutoscalingIssues(autoscaling, at, addresses);
  throwIfAny(at.issues);
}
