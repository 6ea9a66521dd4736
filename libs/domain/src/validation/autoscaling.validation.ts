import type { Autoscaling } from '../entities/scheduler';
import { AUTOSCALING_POLICY_TYPES } from '../entities/scheduler';
import { IssueCollector, rule } from './field-rules';

/** Every autoscaling rule of the spec, reported under the collector's path. */
export function collectAutoscalingIssues(autoscaling: Autoscaling, at: IssueCollector): void {
  at.check(autoscaling.min < 1, 'Min', (f) => rule.min(f, 1)) ||
    at.check(autoscaling.max >= 0 && autoscaling.min > autoscaling.max, 'Min', (f) => rule.lowerThan(f, 'Max'));
  at.check(autoscaling.max < -1, 'Max', (f) => rule.min(f, -1));
  at.check(autoscaling.cooldown < 0, 'Cooldown', (f) => rule.min(f, 0));
  const policy = at.at('Policy');
  const type = autoscaling.policy.type;
  policy.check(type === '', 'Type', rule.required) ||
    policy.check(!(AUTOSCALING_POLICY_TYPES as readonly string[]).includes(type), 'Type', (f) =>
      rule.oneOf(f, AUTOSCALING_POLICY_TYPES),
    );
  const parameters = policy.at('Parameters');
  const { roomOccupancy, fixedBuffer } = autoscaling.policy.parameters;
  parameters.check(type === 'roomOccupancy' && !roomOccupancy, 'RoomOccupancy', () =>
    'RoomOccupancy must not be nil for RoomOccupancy policy type',
  );
  parameters.check(type === 'fixedBuffer' && !fixedBuffer, 'FixedBuffer', () =>
    'FixedBuffer must not be nil for FixedBuffer policy type',
  );
  if (roomOccupancy) {
    const occupancy = parameters.at('RoomOccupancy');
    occupancy.check(roomOccupancy.readyTarget <= 0, 'ReadyTarget', (f) => rule.gt(f, 0)) ||
      occupancy.check(roomOccupancy.readyTarget >= 1, 'ReadyTarget', (f) => rule.lt(f, 1));
    occupancy.check(roomOccupancy.downThreshold <= 0, 'DownThreshold', (f) => rule.gt(f, 0)) ||
      occupancy.check(roomOccupancy.downThreshold >= 1, 'DownThreshold', (f) => rule.lt(f, 1));
  }
  if (fixedBuffer) {
    parameters.at('FixedBuffer').check(fixedBuffer.amount <= 0, 'Amount', (f) => rule.gt(f, 0));
  }
}
