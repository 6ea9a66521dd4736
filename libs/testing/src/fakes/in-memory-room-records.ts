import type { GameRoom, Instance } from '@maestro/domain';
import { InMemoryInstanceStorage } from './in-memory-instance-storage';
import { InMemoryRoomStorage } from './in-memory-room-storage';

/**
 * The room and instance fakes together, as a RoomManager writes them: `rooms` and `instances` are
 * their maps (keyed `<scheduler>/<room id>`); `holdRoomWrites` makes room creations wait for `release`.
 */
export class InMemoryRoomRecords {
  readonly roomStorage = new InMemoryRoomStorage();
  readonly instanceStorage = new InMemoryInstanceStorage();
  readonly rooms: Map<string, GameRoom> = this.roomStorage.rooms;
  readonly instances: Map<string, Instance> = this.instanceStorage.instances;

  /** From now on, room writes wait (not yet written) until `release`. */
  holdRoomWrites(): void {
    this.roomStorage.holdCreations();
  }

  /** Lets the waiting room writes go on and stops holding new ones. */
  release(): void {
    this.roomStorage.release();
  }

  /** Room writes waiting for `release`. */
  get held(): number {
    return this.roomStorage.held;
  }
}
