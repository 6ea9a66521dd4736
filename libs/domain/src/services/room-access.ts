import type { InstanceAddress } from '../entities/instance';
import { isNotFound, UnexpectedError } from '../errors/domain-error';
import type { Clock } from '../ports/clock.port';
import type { AllocationCounter } from '../ports/allocation-counter.port';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { Logger } from '../ports/logger.port';
import type { RoomStorage } from '../ports/room-storage.port';

/** Where a room is reached (address route, allocation answer). */
async function addressOf(instances: InstanceStorage, schedulerName: string, roomId: string): Promise<InstanceAddress> {
  try {
    const instance = await instances.getInstance(schedulerName, roomId);
    // A pod not yet scheduled has no address: answered as empty rather than crashing (Maestro quirk).
    return instance.address ?? { host: '', ports: [] };
  } catch (error) {
    const message = isNotFound(error) ? `instance ${roomId} not found in scheduler ${schedulerName}` : String(error);
    throw new UnexpectedError(`error getting instance: ${message}`, { cause: error });
  }
}

/** Room address and match allocation (rooms-api.md sections 6 and 7). */
export class RoomAccess {
  constructor(private readonly ports: { rooms: RoomStorage; instances: InstanceStorage; clock: Clock; allocations?: AllocationCounter; logger?: Logger }) {}

  /** The room's host and host ports. */
  address(schedulerName: string, roomId: string): Promise<InstanceAddress> {
    return addressOf(this.ports.instances, schedulerName, roomId);
  }

  /** Atomically takes one ready room for a match; throws UnexpectedError when none is ready. */
  async allocate(schedulerName: string): Promise<{ roomId: string; address: InstanceAddress }> {
    const now = this.ports.clock.now();
    const roomId = await this.ports.rooms.allocateRoom(schedulerName, now);
    if (!roomId) throw new UnexpectedError(`no ready rooms available for scheduler ${schedulerName}`);
    // Counted alongside the address read (one more command in flight, no wait of its own); a failed count fails nothing.
    const [address] = await Promise.all([addressOf(this.ports.instances, schedulerName, roomId), this.countAllocation(schedulerName, now)]);
    return { roomId, address };
  }

  private async countAllocation(schedulerName: string, at: Date): Promise<void> {
    try {
      await this.ports.allocations?.record(schedulerName, at);
    } catch (error) {
      this.ports.logger?.warn('failed to count an allocation', { error: String(error) });
    }
  }
}
