import { isAutoscalingEnabled, type Scheduler } from '../../../entities/scheduler';
import { clampToLimits, isCooldownOver } from '../../../policies/autoscaling/autoscaling-limits';
import { describePolicy, type FleetState, type PolicyInputs, policyCanDownscale, policyDesiredRooms } from '../../../policies/autoscaling/policy-evaluation';
import { parseMaxSurge } from '../../../rooms/max-surge';

/** A limit that changed the number of rooms the policy wanted. */
export type ScaleLimit = 'min' | 'max' | 'maxSurge' | 'downscalePolicy' | 'cooldown' | 'oldVersionRooms' | 'addRoomsLimit' | 'removeRoomsLimit';

/** What the health controller sees when it decides how many rooms a scheduler needs. */
export interface ScaleSituation {
  scheduler: Pick<Scheduler, 'roomsReplicas' | 'autoscaling' | 'maxSurge' | 'lastDownscaleAt'>;
  /** The policy's counters; read only when autoscaling is enabled. */
  fleet?: FleetState;
  /** Rooms counted as available (neither terminating, error nor expired). */
  available: number;
  /** Whether a rolling update of a major version is in progress. */
  rolling: boolean;
  /** Available rooms of another version (those a rolling update may remove). */
  oldVersionRooms: number;
  now: Date;
  /** Rooms one add_rooms / remove_rooms operation handles at most (its executor caps the amount). */
  caps?: { add: number; remove: number };
  /** The policy's inputs besides the rooms and the time (allocations per minute, a webhook's answer). */
  inputs?: Omit<PolicyInputs, 'now'>;
}

/** The decision of one health controller run, with what shaped it. */
export interface ScaleDecision {
  current: number;
  /** The policy's (or roomsReplicas') number before any limit. */
  wanted: number;
  /** How the policy read this run (`readyTarget 0.5`, `schedule default: fixedBuffer 2`); `roomsReplicas` without autoscaling. */
  policy: string;
  desired: number;
  limitedBy: ScaleLimit[];
  action: { kind: 'add' | 'remove' | 'none'; amount: number };
  /** Whether the run scales down now, so the downscale time is saved for the cooldown. */
  downscales: boolean;
}

/**
 * Decides how many rooms to add or remove (operations.md 8.7, autoscaling.md 2): the policy result
 * clamped to min/max, raised to the surge during a rolling update, kept when the policy or the
 * cooldown forbids a downscale. Pure: the health controller and the simulator both call it. Throws
 * when the policy cannot be evaluated (unknown type, missing parameters).
 */
export function decideScale(s: ScaleSituation): ScaleDecision {
  const { scheduler, available } = s;
  const limitedBy: ScaleLimit[] = [];
  const autoscaling = isAutoscalingEnabled(scheduler) ? scheduler.autoscaling : undefined;
  let wanted = scheduler.roomsReplicas;
  let desired = wanted;
  let policy = 'roomsReplicas';
  const inputs: PolicyInputs = { ...s.inputs, now: s.now };
  if (autoscaling) {
    if (!s.fleet) throw new Error('the fleet state is needed to evaluate an autoscaling policy');
    wanted = policyDesiredRooms(autoscaling, s.fleet, inputs);
    policy = describePolicy(autoscaling, s.fleet, inputs);
    desired = clampToLimits(wanted, autoscaling);
    if (desired > wanted) limitedBy.push('min');
    if (desired < wanted) limitedBy.push('max');
  }
  if (s.rolling) {
    let upper = desired + parseMaxSurge(scheduler.maxSurge, desired);
    if (autoscaling && autoscaling.max >= 0 && upper > autoscaling.max) {
      upper = autoscaling.max;
      if (!limitedBy.includes('max')) limitedBy.push('max');
    }
    if (available < upper) {
      desired = upper;
      limitedBy.push('maxSurge');
    }
  }
  let downscales = false;
  if (available > desired) {
    let blockedBy: ScaleLimit | undefined;
    if (autoscaling && s.fleet) {
      if (!canDownscale(autoscaling, s.fleet, inputs)) blockedBy = 'downscalePolicy';
      else if (!isCooldownOver(scheduler.lastDownscaleAt, autoscaling.cooldown, s.now)) blockedBy = 'cooldown';
    }
    if (blockedBy) {
      limitedBy.push(blockedBy);
      desired = available;
    } else {
      downscales = true;
    }
  }
  let action: ScaleDecision['action'] = { kind: 'none', amount: 0 };
  if (available > desired) {
    let amount = available - desired;
    if (s.rolling && s.oldVersionRooms < amount) {
      amount = s.oldVersionRooms;
      limitedBy.push('oldVersionRooms');
    }
    action = { kind: 'remove', amount };
    if (s.caps && amount > s.caps.remove) limitedBy.push('removeRoomsLimit');
  } else if (available < desired) {
    action = { kind: 'add', amount: desired - available };
    if (s.caps && action.amount > s.caps.add) limitedBy.push('addRoomsLimit');
  }
  return { current: available, wanted, policy, desired, limitedBy, action, downscales };
}

// A policy that cannot tell counts as "no" (autoscaling.md 2.1).
function canDownscale(autoscaling: Parameters<typeof policyCanDownscale>[0], fleet: FleetState, inputs: PolicyInputs): boolean {
  try {
    return policyCanDownscale(autoscaling, fleet, inputs);
  } catch {
    return false;
  }
}
