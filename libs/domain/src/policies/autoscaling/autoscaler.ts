import type { Autoscaling, Scheduler } from '../../entities/scheduler';
import { InvalidArgumentError } from '../../errors/domain-error';
import type { RoomStorage } from '../../ports/room-storage.port';
import { fixedBufferCanDownscale, fixedBufferDesiredRooms } from './fixed-buffer.policy';
import { roomOccupancyCanDownscale, roomOccupancyDesiredRooms, type RoomOccupancyState } from './room-occupancy.policy';

/** Clamps a policy result to [min, max]; max -1 means no upper limit. */
export function clampToLimits(raw: number, autoscaling: Pick<Autoscaling, 'min' | 'max'>): number {
  if (raw < autoscaling.min) return autoscaling.min;
  if (autoscaling.max >= 0 && raw > autoscaling.max) return autoscaling.max;
  return raw;
}

/** Whether the cooldown after the last downscale is over. */
export function isCooldownOver(lastDownscaleAt: Date, cooldownSeconds: number, now: Date): boolean {
  return lastDownscaleAt.getTime() + cooldownSeconds * 1000 <= now.getTime();
}

/** Evaluates a scheduler's autoscaling policy against the rooms in storage. */
export class Autoscaler {
  constructor(private readonly rooms: RoomStorage) {}

  /** Desired number of rooms, clamped to min/max. Throws for an unusable policy. */
  async desiredRooms(scheduler: Scheduler): Promise<number> {
    const autoscaling = requireAutoscaling(scheduler);
    const { type, parameters } = autoscaling.policy;
    if (type === 'roomOccupancy') {
      if (!parameters.roomOccupancy) throw new InvalidArgumentError('RoomOccupancy must not be nil for RoomOccupancy policy type');
      return clampToLimits(roomOccupancyDesiredRooms(await this.occupancyState(scheduler), parameters.roomOccupancy), autoscaling);
    }
    if (type === 'fixedBuffer' && parameters.fixedBuffer) {
      return clampToLimits(fixedBufferDesiredRooms(await this.bufferState(scheduler), parameters.fixedBuffer), autoscaling);
    }
    throw new InvalidArgumentError(`unknown autoscaling policy type ${type}`);
  }

  /** Whether the policy allows a downscale now (the cooldown is checked separately). */
  async canDownscale(scheduler: Scheduler): Promise<boolean> {
    const { type, parameters } = requireAutoscaling(scheduler).policy;
    if (type === 'roomOccupancy' && parameters.roomOccupancy) {
      return roomOccupancyCanDownscale(await this.occupancyState(scheduler), parameters.roomOccupancy);
    }
    if (type === 'fixedBuffer' && parameters.fixedBuffer) {
      return fixedBufferCanDownscale(await this.bufferState(scheduler), parameters.fixedBuffer);
    }
    throw new InvalidArgumentError(`unknown autoscaling policy type ${type}`);
  }

  private async occupancyState(scheduler: Scheduler): Promise<RoomOccupancyState> {
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

  private async bufferState(scheduler: Scheduler) {
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
