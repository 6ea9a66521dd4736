import type { Autoscaling, Scheduler } from '../../entities/scheduler';
import { InvalidArgumentError } from '../../errors/domain-error';
import type { RoomStorage } from '../../ports/room-storage.port';
import { clampToLimits } from './autoscaling-limits';
import type { FixedBufferState } from './fixed-buffer.policy';
import { type FleetState, policyCanDownscale, policyDesiredRooms, toFixedBufferState, toRoomOccupancyState } from './policy-evaluation';
import type { RoomOccupancyState } from './room-occupancy.policy';

export { clampToLimits, isCooldownOver } from './autoscaling-limits';

/** The room counters the autoscaler reads. */
export type AutoscalerRooms = Pick<RoomStorage, 'getRoomCount' | 'getRoomCountByStatus' | 'getRunningMatchesCount'>;

/** Evaluates a scheduler's autoscaling policy against the rooms in storage (autoscaling.md). */
export class Autoscaler {
  constructor(private readonly rooms: AutoscalerRooms) {}

  /**
   * Desired number of rooms: the policy result clamped to min/max, or `roomsReplicas` when
   * autoscaling is absent or disabled. Throws for an unknown policy type or missing parameters
   * and when storage fails (the health-controller cycle then fails).
   */
  async desiredRooms(scheduler: Scheduler): Promise<number> {
    const autoscaling = scheduler.autoscaling;
    if (!autoscaling?.enabled) return scheduler.roomsReplicas;
    return clampToLimits(policyDesiredRooms(autoscaling, await this.fleetState(scheduler)), autoscaling);
  }

  /**
   * Whether the policy allows a downscale now (the cooldown is checked separately with
   * `isCooldownOver`). Throws on errors, which callers count as "no" (autoscaling.md 2.1).
   */
  async canDownscale(scheduler: Scheduler): Promise<boolean> {
    return policyCanDownscale(requireAutoscaling(scheduler), await this.fleetState(scheduler));
  }

  /** The counters every policy reads, in one pass over the room storage. */
  async fleetState(scheduler: Scheduler): Promise<FleetState> {
    const count = (status: 'ready' | 'active' | 'occupied' | 'allocated' | 'terminating' | 'error') => this.rooms.getRoomCountByStatus(scheduler.name, status);
    const [ready, active, occupied, allocated, terminating, error, total, runningMatchesSum] = await Promise.all([
      count('ready'),
      count('active'),
      count('occupied'),
      count('allocated'),
      count('terminating'),
      count('error'),
      this.rooms.getRoomCount(scheduler.name),
      this.rooms.getRunningMatchesCount(scheduler.name),
    ]);
    return { ready, active, occupied, allocated, terminating, error, total, runningMatchesSum, maxMatches: scheduler.matchAllocation.maxMatches };
  }

  /** roomOccupancy's current state (autoscaling.md 3.1), read from the room storage. */
  async roomOccupancyState(scheduler: Scheduler): Promise<RoomOccupancyState> {
    return toRoomOccupancyState(await this.fleetState(scheduler));
  }

  /** fixedBuffer's current state (autoscaling.md 4.1): active rooms are not occupied ones. */
  async fixedBufferState(scheduler: Scheduler): Promise<FixedBufferState> {
    return toFixedBufferState(await this.fleetState(scheduler));
  }
}

function requireAutoscaling(scheduler: Scheduler): Autoscaling {
  if (!scheduler.autoscaling) throw new InvalidArgumentError(`scheduler ${scheduler.name} has no autoscaling`);
  return scheduler.autoscaling;
}
