import type { Instance } from '../entities/instance';
import { UnexpectedError } from '../errors/domain-error';
import type { AllocationCounter } from '../ports/allocation-counter.port';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { Logger } from '../ports/logger.port';
import type { RoomAllocator, TakenRoom } from '../ports/room-allocator.port';
import type { RoomStorage } from '../ports/room-storage.port';

/**
 * A {@link RoomAllocator} over the separate stores: the room taken first, then its instance read
 * and the allocation counted together (two round trips). For stores on different servers, and
 * the in-memory fakes.
 */
export class StoreByStoreAllocator implements RoomAllocator {
  constructor(private readonly ports: { rooms: RoomStorage; instances: InstanceStorage; allocations?: AllocationCounter; logger?: Logger }) {}

  async take(schedulerName: string, at: Date): Promise<TakenRoom | undefined> {
    const roomId = await this.ports.rooms.allocateRoom(schedulerName, at);
    if (!roomId) return undefined;
    const [instance] = await Promise.all([this.readInstance(schedulerName, roomId), this.count(schedulerName, at)]);
    return { roomId, instance };
  }

  private async readInstance(schedulerName: string, roomId: string): Promise<Instance | undefined> {
    try {
      return await this.ports.instances.findInstance(schedulerName, roomId);
    } catch (error) {
      throw new UnexpectedError(`error getting instance: ${String(error)}`, { cause: error });
    }
  }

  private async count(schedulerName: string, at: Date): Promise<void> {
    try {
      await this.ports.allocations?.record(schedulerName, at);
    } catch (error) {
      this.ports.logger?.warn('failed to count an allocation', { error: String(error) });
    }
  }
}
