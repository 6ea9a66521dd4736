import type { Autoscaling } from '../../entities/scheduler';
import { InvalidArgumentError } from '../../errors/domain-error';
import { fixedBufferCanDownscale, fixedBufferDesiredRooms, type FixedBufferState } from './fixed-buffer.policy';
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

/** A policy bound to the fleet it reads: its wanted rooms and whether it allows a downscale. */
interface BoundPolicy {
  desiredRooms(): number;
  canDownscale(): boolean;
}

function bind(autoscaling: Autoscaling, fleet: FleetState): BoundPolicy {
  const { type, parameters } = autoscaling.policy;
  switch (type) {
    case 'roomOccupancy': {
      const state = toRoomOccupancyState(fleet);
      const p = requireParameters(parameters.roomOccupancy, 'RoomOccupancy');
      return { desiredRooms: () => roomOccupancyDesiredRooms(state, p), canDownscale: () => roomOccupancyCanDownscale(state, p) };
    }
    case 'fixedBuffer': {
      const state = toFixedBufferState(fleet);
      const p = requireParameters(parameters.fixedBuffer, 'FixedBuffer');
      return { desiredRooms: () => fixedBufferDesiredRooms(state, p), canDownscale: () => fixedBufferCanDownscale(state, p) };
    }
    default:
      throw unknownPolicy(type);
  }
}

/**
 * The policy's wanted number of rooms before min and max. Throws for an unknown policy type or
 * missing parameters (the health controller run then fails, as Maestro's).
 */
export const policyDesiredRooms = (autoscaling: Autoscaling, fleet: FleetState): number => bind(autoscaling, fleet).desiredRooms();

/** Whether the policy allows a downscale now (the cooldown is separate). Throws as {@link policyDesiredRooms}. */
export const policyCanDownscale = (autoscaling: Autoscaling, fleet: FleetState): boolean => bind(autoscaling, fleet).canDownscale();

function requireParameters<T>(parameters: T | undefined, name: 'RoomOccupancy' | 'FixedBuffer'): T {
  if (!parameters) throw new InvalidArgumentError(`${name} must not be nil for ${name} policy type`);
  return parameters;
}

const unknownPolicy = (type: string) => new InvalidArgumentError(`unknown autoscaling policy type ${type}`);
