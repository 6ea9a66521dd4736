import { InputReader } from '../input/input-reader';
import type { OperationDefinition } from '../operation-definition';
import { OperationName } from '../operation-names';

/** test_operation (operations.md 8.9): how long to occupy the scheduler's queue. */
export interface TestOperationInput {
  /** Maestro's is an integer; fractions are read too (tests here sleep for 50 ms). */
  sleepSeconds: number;
}

/** Stored as `{"sleepSeconds": 5}`. */
export const testOperationDefinition: OperationDefinition<TestOperationInput> = {
  name: OperationName.TestOperation,
  toJson: ({ sleepSeconds }) => ({ sleepSeconds }),
  parse: (json) => ({ sleepSeconds: new InputReader(OperationName.TestOperation, json).number('sleepSeconds') }),
};
