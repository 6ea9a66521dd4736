import type { OperationInputJson } from '../entities/operation';
import { InputReader } from './input/input-reader';
import type { OperationName } from './operation-names';

/**
 * What an operation is, as Maestro's `operations.Definition`: its name, and how its typed input is
 * stored (the JSON, with Maestro's keys: the wire format) and read back. One per operation, in its
 * folder (`rooms/add-rooms/add-rooms.definition.ts`); whoever enqueues the operation and its executor
 * both go through it.
 */
export interface OperationDefinition<Input> {
  /** The definition name stored with the operation (`add_rooms`). */
  readonly name: OperationName;
  /** The JSON stored as the operation's input, key for key what Maestro writes. */
  toJson(input: Input): OperationInputJson;
  /**
   * Reads a stored input back: what Maestro wrote, or this project in any version. Throws an
   * InvalidOperationInputError naming the field when the input is malformed.
   */
  parse(json: unknown): Input;
}

/** The input of operations that take none (`{}`). */
export type EmptyInput = Record<string, never>;

/** The definition of an operation without input: stored as `{}`, any JSON object reads back (Go ignores unknown keys). */
export function emptyInputDefinition(name: OperationName): OperationDefinition<EmptyInput> {
  return {
    name,
    toJson: () => ({}),
    parse: (json) => {
      new InputReader(name, json);
      return {};
    },
  };
}
