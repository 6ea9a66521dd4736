import type { RoomPing } from '../entities/game-room';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { PingRecorder, RecordedPing } from '../ports/ping-recorder.port';
import type { RoomStorage } from '../ports/room-storage.port';

/** A {@link PingRecorder} over the separate stores (one call to each, side by side): for split servers and the fakes. */
export class StoreByStorePingRecorder implements PingRecorder {
  constructor(private readonly ports: { rooms: RoomStorage; instances: InstanceStorage }) {}

  async record(ping: RoomPing): Promise<RecordedPing> {
    const [room, instance] = await Promise.all([this.ports.rooms.recordPing(ping), this.ports.instances.findInstance(ping.schedulerName, ping.roomId)]);
    return { room, instance };
  }
}
