import type { AllocationBuffer, Autoscaling, AutoscalingPolicy } from '../../entities/scheduler';
import { InvalidArgumentError } from '../../errors/domain-error';
import { fixedBufferCanDownscale, fixedBufferDesiredRooms, type FixedBufferState } from './fixed-buffer.policy';
import { activeSchedulePolicy, formatWindowEnd } from './schedule.policy';
import { roomOccupancyCanDownscale, roomOccupancyDesiredRooms, type RoomOccupancyState } from './room-occupancy.policy';

/**
 * The room counters every built-in policy reads, taken once per evaluation: the health controller
 * reads them from the room storage, the simulator computes them from a trace.
 */
export interface FleetState {
  ready: number;
  active: number;
  occupied: number;
  allocated: number;
  terminating: number;
  error: number;
  /** Every room of the scheduler, whatever its status. */
  total: number;
  /** Sum of positive running-match counts of existing rooms. */
  runningMatchesSum: number;
  maxMatches: number;
}

/** A fleet of `total` rooms of which `ready` are ready and `occupied` hold one full room of matches each; the rest pending. */
export const plainFleet = (total: number, ready: number, occupied: number, maxMatches: number): FleetState => ({
  ready,
  active: 0,
  occupied,
  allocated: 0,
  terminating: 0,
  error: 0,
  total,
  runningMatchesSum: occupied * maxMatches,
  maxMatches,
});

/** roomOccupancy's view of the fleet (autoscaling.md 3.1). */
export const toRoomOccupancyState = (f: FleetState): RoomOccupancyState => ({
  ready: f.ready,
  active: f.active,
  occupied: f.occupied,
  allocated: f.allocated,
  runningMatchesSum: f.runningMatchesSum,
  maxMatches: f.maxMatches,
});

/** fixedBuffer's view of the fleet (autoscaling.md 4.1): active rooms are not occupied ones. */
export const toFixedBufferState = (f: FleetState): FixedBufferState => ({
  occupiedRooms: f.occupied + f.allocated,
  totalRooms: f.total - f.terminating - f.error,
});

/** What a policy reads besides the rooms: the time, recent allocations, a webhook's answer. */
export interface PolicyInputs {
  /** Picks a schedule's window. */
  now: Date;
  /** Allocations of the last minutes, one count per minute (any order); none when not counted. */
  allocationsPerMinute?: readonly number[];
  /** The webhook's answer for this run; absent when it was not asked (the simulator): the fallback applies. */
  webhook?: WebhookOutcome;
}

/** A webhook's answer: the rooms it wants, or why it could not say. */
export type WebhookOutcome = { rooms: number } | { failure: string };

/** A policy bound to the fleet it reads: its wanted rooms, whether it allows a downscale, and how it read. */
interface BoundPolicy {
  desiredRooms(): number;
  canDownscale(): boolean;
  /** `readyTarget 0.5`, `schedule window '0 18 * * *' (until 22:00 UTC): fixedBuffer 5`. */
  describe(): string;
}

function bind(policy: AutoscalingPolicy, fleet: FleetState, inputs: PolicyInputs | undefined): BoundPolicy {
  const { type, parameters } = policy;
  switch (type) {
    case 'roomOccupancy': {
      const state = toRoomOccupancyState(fleet);
      const p = requireParameters(parameters.roomOccupancy, 'RoomOccupancy');
      const bound = {
        desiredRooms: () => roomOccupancyDesiredRooms(state, p),
        canDownscale: () => roomOccupancyCanDownscale(state, p),
        describe: () => `readyTarget ${p.readyTarget}`,
      };
      return withAllocationBuffer(bound, p, inputs);
    }
    case 'fixedBuffer': {
      const state = toFixedBufferState(fleet);
      const p = requireParameters(parameters.fixedBuffer, 'FixedBuffer');
      const bound = {
        desiredRooms: () => fixedBufferDesiredRooms(state, p),
        canDownscale: () => fixedBufferCanDownscale(state, p),
        describe: () => `fixedBuffer ${p.amount}`,
      };
      return withAllocationBuffer(bound, p, inputs);
    }
    case 'schedule': {
      const schedule = requireParameters(parameters.schedule, 'Schedule');
      if (!inputs) throw new InvalidArgumentError('the schedule policy needs the time of the run');
      const active = activeSchedulePolicy(schedule, inputs.now);
      const inner = bind(active.policy, fleet, inputs);
      const window = active.window
        ? `schedule window '${active.window.entry.cron}' (until ${formatWindowEnd(active.window.until, schedule.timezone)})`
        : 'schedule default';
      return { ...inner, describe: () => `${window}: ${inner.describe()}` };
    }
    case 'webhook': {
      const webhook = requireParameters(parameters.webhook, 'Webhook');
      const outcome = inputs?.webhook;
      if (outcome && 'rooms' in outcome) {
        return { desiredRooms: () => outcome.rooms, canDownscale: () => true, describe: () => `webhook answered ${outcome.rooms}` };
      }
      const fallback = bind(webhook.fallback, fleet, inputs);
      const why = outcome ? `webhook failed (${outcome.failure})` : 'webhook not called';
      return { ...fallback, describe: () => `${why}, fallback ${fallback.describe()}` };
    }
    default:
      throw unknownPolicy(type);
  }
}

/**
 * Rooms added for the recent allocation rate (off unless `allocationBufferMinutes` is set): the
 * highest per-minute count of the recent minutes times that many minutes, rounded up.
 */
export function allocationBufferRooms(p: AllocationBuffer, allocationsPerMinute: readonly number[] | undefined): number {
  if (!p.allocationBufferMinutes || !allocationsPerMinute || allocationsPerMinute.length === 0) return 0;
  return Math.ceil(Math.max(...allocationsPerMinute) * p.allocationBufferMinutes);
}

function withAllocationBuffer(bound: BoundPolicy, p: AllocationBuffer, inputs: PolicyInputs | undefined): BoundPolicy {
  if (!p.allocationBufferMinutes) return bound;
  const extra = allocationBufferRooms(p, inputs?.allocationsPerMinute);
  const peak = Math.max(0, ...(inputs?.allocationsPerMinute ?? []));
  return {
    desiredRooms: () => bound.desiredRooms() + extra,
    canDownscale: () => bound.canDownscale(),
    describe: () => `${bound.describe()} + ${extra} for ${peak} allocations/min`,
  };
}

/**
 * The policy's wanted number of rooms before min and max. Throws for an unknown policy type or
 * missing parameters (the health controller run then fails, as Maestro's).
 */
export const policyDesiredRooms = (autoscaling: Autoscaling, fleet: FleetState, inputs?: PolicyInputs): number =>
  bind(autoscaling.policy, fleet, inputs).desiredRooms();

/** Whether the policy allows a downscale now (the cooldown is separate). Throws as {@link policyDesiredRooms}. */
export const policyCanDownscale = (autoscaling: Autoscaling, fleet: FleetState, inputs?: PolicyInputs): boolean =>
  bind(autoscaling.policy, fleet, inputs).canDownscale();

/** How the policy read this run (the decision's reason). Throws as {@link policyDesiredRooms}. */
export const describePolicy = (autoscaling: Autoscaling, fleet: FleetState, inputs?: PolicyInputs): string =>
  bind(autoscaling.policy, fleet, inputs).describe();

function requireParameters<T>(parameters: T | undefined, name: 'RoomOccupancy' | 'FixedBuffer' | 'Schedule' | 'Webhook'): T {
  if (!parameters) throw new InvalidArgumentError(`${name} must not be nil for ${name} policy type`);
  return parameters;
}

const unknownPolicy = (type: string) => new InvalidArgumentError(`unknown autoscaling policy type ${type}`);
