import type { GameRoom } from '../entities/game-room';
import type { InstanceAddress } from '../entities/instance';
import type { Clock } from '../ports/clock.port';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { RoomSample, RoomSamples } from '../ports/room-samples.port';
import type { RoomStorage } from '../ports/room-storage.port';
import type { SchedulerStorage } from '../ports/scheduler-storage.port';

/** A room with the address of its instance, when the runtime reported one. */
export interface RoomView extends GameRoom {
  address?: InstanceAddress;
}

/** Reads of the fleet for people watching it (the dashboard): rooms with addresses, room history. */
export class FleetView {
  constructor(
    private readonly ports: {
      schedulers: Pick<SchedulerStorage, 'getScheduler'>;
      rooms: Pick<RoomStorage, 'getAllRoomIds' | 'findRoom'>;
      instances: Pick<InstanceStorage, 'getAllInstances'>;
      roomSamples: RoomSamples;
      clock: Clock;
    },
  ) {}

  /** Every room of the scheduler, by id, with its instance's address; throws NotFoundError for an unknown scheduler. */
  async listRooms(schedulerName: string): Promise<RoomView[]> {
    await this.ports.schedulers.getScheduler(schedulerName);
    const [ids, instances] = await Promise.all([this.ports.rooms.getAllRoomIds(schedulerName), this.ports.instances.getAllInstances(schedulerName)]);
    const addresses = new Map(instances.map((instance) => [instance.id, instance.address]));
    const rooms = await Promise.all(ids.map((id) => this.ports.rooms.findRoom(schedulerName, id)));
    return rooms
      .filter((room): room is GameRoom => room !== undefined)
      .map((room) => ({ ...room, address: addresses.get(room.id) }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The scheduler's room samples of the last `periodMs`, oldest first; throws NotFoundError for an unknown scheduler. */
  async roomHistory(schedulerName: string, periodMs: number): Promise<RoomSample[]> {
    await this.ports.schedulers.getScheduler(schedulerName);
    return this.ports.roomSamples.list(schedulerName, new Date(this.ports.clock.now().getTime() - periodMs));
  }
}
