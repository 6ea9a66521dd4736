import type { InstanceAddress } from '../entities/instance';
import { isNotFound, UnexpectedError } from '../errors/domain-error';
import type { Clock } from '../ports/clock.port';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { RoomAllocator } from '../ports/room-allocator.port';

/** A pod not yet scheduled has no address: answered as empty rather than crashing (Maestro quirk). */
const NO_ADDRESS: InstanceAddress = { host: '', ports: [] };

const instanceError = (message: string, cause?: unknown) => new UnexpectedError(`error getting instance: ${message}`, { cause });

/** Room address and match allocation (rooms-api.md sections 6 and 7). */
export class RoomAccess {
  constructor(private readonly ports: { instances: InstanceStorage; allocator: RoomAllocator; clock: Clock }) {}

  /** The room's host and host ports. */
  async address(schedulerName: string, roomId: string): Promise<InstanceAddress> {
    try {
      const instance = await this.ports.instances.getInstance(schedulerName, roomId);
      return instance.address ?? NO_ADDRESS;
    } catch (error) {
      throw instanceError(isNotFound(error) ? `instance ${roomId} not found in scheduler ${schedulerName}` : String(error), error);
    }
  }

  /**
   * Atomically takes one ready room for a match; throws UnexpectedError when none is ready, or when
   * the room taken has no instance record (the room stays allocated, as in Maestro).
   */
  async allocate(schedulerName: string): Promise<{ roomId: string; address: InstanceAddress }> {
    const taken = await this.ports.allocator.take(schedulerName, this.ports.clock.now());
    if (!taken) throw new UnexpectedError(`no ready rooms available for scheduler ${schedulerName}`);
    if (!taken.instance) throw instanceError(`instance ${taken.roomId} not found in scheduler ${schedulerName}`);
    return { roomId: taken.roomId, address: taken.instance.address ?? NO_ADDRESS };
  }
}
