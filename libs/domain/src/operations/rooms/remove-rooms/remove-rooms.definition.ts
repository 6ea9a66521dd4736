import { ROOM_REMOVAL_REASONS, type RoomRemovalReason } from '../../../entities/game-room';
import { InputReader } from '../../input/input-reader';
import type { OperationDefinition } from '../../operation-definition';
import { OperationName } from '../../operation-names';

/** remove_rooms (operations.md 8.5): these rooms, then `amount` more chosen by the deletion priority. */
export interface RemoveRoomsInput {
  amount: number;
  /** `null` when the rooms are chosen by amount only (Go's nil slice). */
  rooms_ids: string[] | null;
  reason: RoomRemovalReason;
}

/**
 * Stored as `{"amount": 3, "rooms_ids": ["id1"] | null, "reason": "scale_down"}`. A missing or empty
 * reason reads as `scale_down` (what the executor has always assumed; Maestro always writes one).
 */
export const removeRoomsDefinition: OperationDefinition<RemoveRoomsInput> = {
  name: OperationName.RemoveRooms,
  toJson: ({ amount, rooms_ids, reason }) => ({ amount, rooms_ids, reason }),
  parse: (json) => {
    const input = new InputReader(OperationName.RemoveRooms, json);
    return {
      amount: input.integer('amount'),
      rooms_ids: input.stringListOrNull('rooms_ids'),
      reason: input.oneOf('reason', ROOM_REMOVAL_REASONS, 'scale_down'),
    };
  },
};
