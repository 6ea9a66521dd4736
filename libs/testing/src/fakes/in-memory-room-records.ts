import { type GameRoom, type Instance, NotFoundError } from '@maestro/domain';

/**
 * Room and instance records in memory: the part of RoomStorage and InstanceStorage that the
 * RoomManager writes when it creates a room. `holdRoomWrites` makes room writes wait for `release`.
 */
export class InMemoryRoomRecords {
  readonly rooms = new Map<string, GameRoom>();
  readonly instances = new Map<string, Instance>();
  private holding = false;
  private waiting: (() => void)[] = [];

  /** From now on, room writes wait (not yet written) until `release`. */
  holdRoomWrites(): void {
    this.holding = true;
  }

  /** Lets the waiting room writes go on and stops holding new ones. */
  release(): void {
    this.holding = false;
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((resume) => resume());
  }

  /** Room writes waiting for `release`. */
  get held(): number {
    return this.waiting.length;
  }

  readonly roomStorage = {
    createRoom: async (room: GameRoom): Promise<void> => {
      if (this.holding) await new Promise<void>((resume) => this.waiting.push(resume));
      this.rooms.set(room.id, room);
    },
    deleteRoom: async (_schedulerName: string, roomId: string): Promise<void> => {
      if (!this.rooms.delete(roomId)) throw new NotFoundError(`room ${roomId} not found`);
    },
  };

  readonly instanceStorage = {
    upsertInstance: async (instance: Instance): Promise<void> => void this.instances.set(instance.id, instance),
  };
}
