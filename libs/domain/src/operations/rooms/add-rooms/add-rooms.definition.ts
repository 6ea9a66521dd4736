import { InputReader } from '../../input/input-reader';
import type { OperationDefinition } from '../../operation-definition';
import { OperationName } from '../../operation-names';

/** add_rooms: how many rooms to create (operations.md 8.4; Maestro's `int32`). */
export interface AddRoomsInput {
  amount: number;
}

/** Stored as `{"amount": 10}`. */
export const addRoomsDefinition: OperationDefinition<AddRoomsInput> = {
  name: OperationName.AddRooms,
  toJson: ({ amount }) => ({ amount }),
  parse: (json) => ({ amount: new InputReader(OperationName.AddRooms, json).integer('amount') }),
};
