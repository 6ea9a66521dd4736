import type { Autoscaling } from '../entities/scheduler';
import { AUTOSCALING_POLICY_TYPES } from '../entities/scheduler';
import { IssueCollector, isOneOf, rule } from './field-rules';
import { throwIfAny } from './validation-message';

/**
 * Every autoscaling rule of management-api.md section 5, reported under the collector's path
 * in Go struct order (Min, Max, Cooldown, Policy.Type, Policy.Parameters.RoomOccupancy, .FixedBuffer).
 */
export function collectAutoscalingIssues(autoscaling: Autoscaling, at: IssueCollector): void {
  at.check(autoscaling.min < 1, 'Min', 'min', (f) => rule.min(f, 1)) ||
    at.check(autoscaling.max >= 0 && autoscaling.min > autoscaling.max, 'Min', 'custom_lower_than', (f) => rule.lowerThan(f, 'Max'));
  at.check(autoscaling.max < -1, 'Max', 'min', (f) => rule.min(f, -1));
  at.check(autoscaling.cooldown < 0, 'Cooldown', 'min', (f) => rule.min(f, 0));

  const policy = at.at('Policy');
  const type = autoscaling.policy.type;
  // No `required` tag upstream: an empty type fails `oneof` like any unknown one.
  policy.check(!isOneOf(type, AUTOSCALING_POLICY_TYPES), 'Type', 'oneof', (f) => rule.oneOf(f, AUTOSCALING_POLICY_TYPES));

  const parameters = policy.at('Parameters');
  const { roomOccupancy, fixedBuffer } = autoscaling.policy.parameters;
  if (roomOccupancy) {
    const occupancy = parameters.at('RoomOccupancy');
    occupancy.check(!(roomOccupancy.readyTarget > 0), 'ReadyTarget', 'gt', (f) => rule.gt(f, 0)) ||
      occupancy.check(!(roomOccupancy.readyTarget < 1), 'ReadyTarget', 'lt', (f) => rule.lt(f, 1));
    occupancy.check(!(roomOccupancy.downThreshold > 0), 'DownThreshold', 'gt', (f) => rule.gt(f, 0)) ||
      occupancy.check(!(roomOccupancy.downThreshold < 1), 'DownThreshold', 'lt', (f) => rule.lt(f, 1));
  } else {
    parameters.check(
      type === 'roomOccupancy',
      'RoomOccupancy',
      'required_for_room_occupancy',
      () => 'RoomOccupancy must not be nil for RoomOccupancy policy type',
    );
  }
  if (fixedBuffer) {
    parameters.at('FixedBuffer').check(!(fixedBuffer.amount > 0), 'Amount', 'gt', (f) => rule.gt(f, 0));
  } else {
    parameters.check(type === 'fixedBuffer', 'FixedBuffer', 'required_for_fixed_buffer', () => 'FixedBuffer must not be nil for FixedBuffer policy type');
  }
}

/**
 * Validates an autoscaling object on its own, as Maestro does while converting a create or
 * new-version request: issues are named `<root>.<field>` (`Autoscaling.` by default). Throws InvalidArgumentError.
 */
export function validateAutoscaling(autoscaling: Autoscaling, root = 'Autoscaling'): void {
  const at = IssueCollector.root(root);
  collectAutoscalingIssues(autoscaling, at);
  throwIfAny(at.issues);
}
