import type { Autoscaling, Scheduler } from '../../entities/scheduler';
import { InvalidArgumentError } from '../../errors/domain-error';
import type { RoomStorage } from '../../ports/room-storage.port';
import { clampToLimits } from './autoscaling-limits';
import { fixedBufferCanDownscale, fixedBufferDesiredRooms, type FixedBufferState } from './fixed-buffer.policy';
import { roomOccupancyCanDownscale, roomOccupancyDesiredRooms, type RoomOccupancyState } from './room-occupancy.policy';

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
    const { type, parameters } = autoscaling.policy;
    switch (type) {
      case 'roomOccupancy':
        return clampToLimits(
          roomOccupancyDesiredRooms(await this.roomOccupancyState(scheduler), requireParameters(parameters.roomOccupancy, 'RoomOccupancy')),
          autoscaling,
        );
      case 'fixedBuffer':
        return clampToLimits(
          fixedBufferDesiredRooms(await this.fixedBufferState(scheduler), requireParameters(parameters.fixedBuffer, 'FixedBuffer')),
          autoscaling,
        );
      default:
        throw unknownPolicy(type);
    }
  }

  /**
   * Whether the policy allows a downscale now (the cooldown is checked separately with
   * `isCooldownOver`). Throws on errors, which callers count as "no" (autoscaling.md 2.1).
   */
  async canDownscale(scheduler: Scheduler): Promise<boolean> {
    const autoscaling = requireAutoscaling(scheduler);
    const { type, parameters } = autoscaling.policy;
    switch (type) {
      case 'roomOccupancy':
        return roomOccupancyCanDownscale(await this.roomOccupancyState(scheduler), requireParameters(parameters.roomOccupancy, 'RoomOccupancy'));
      case 'fixedBuffer':
        return fixedBufferCanDownscale(await this.fixedBufferState(scheduler), requireParameters(parameters.fixedBuffer, 'FixedBuffer'));
      default:
        throw unknownPolicy(type);
    }
  }

  /** roomOccupancy's current state (autoscaling.md 3.1), read from the room storage. */
  async roomOccupancyState(scheduler: Scheduler): Promise<RoomOccupancyState> {
    const count = (status: 'ready' | 'active' | 'occupied' | 'allocated') => this.rooms.getRoomCountByStatus(scheduler.name, status);
    const [ready, active, occupied, allocated, runningMatchesSum] = await Promise.all([
      count('ready'),
      count('active'),
      count('occupied'),
      count('allocated'),
      this.rooms.getRunningMatchesCount(scheduler.name),
    ]);
    return { ready, active, occupied, allocated, runningMatchesSum, maxMatches: scheduler.matchAllocation.maxMatches };
  }

  /** fixedBuffer's current state (autoscaling.md 4.1): active rooms are not occupied ones. */
  async fixedBufferState(scheduler: Scheduler): Promise<FixedBufferState> {
    const count = (status: 'occupied' | 'allocated' | 'terminating' | 'error') => this.rooms.getRoomCountByStatus(scheduler.name, status);
    const [occupied, allocated, terminating, error, total] = await Promise.all([
      count('occupied'),
      count('allocated'),
      count('terminating'),
      count('error'),
      this.rooms.getRoomCount(scheduler.name),
    ]);
    return { occupiedRooms: occupied + allocated, totalRooms: total - terminating - error };
  }
}

function requireAutoscaling(scheduler: Scheduler): Autoscaling {
  if (!scheduler.autoscaling) throw new InvalidArgumentError(`scheduler ${scheduler.name} has no autoscaling`);
  return scheduler.autoscaling;
}

function requireParameters<T>(parameters: T | undefined, name: 'RoomOccupancy' | 'FixedBuffer'): T {
  if (!parameters) throw new InvalidArgumentError(`${name} must not be nil for ${name} policy type`);
  return parameters;
}

const unknownPolicy = (type: string) => new InvalidArgumentError(`unknown autoscaling policy type ${type}`);
