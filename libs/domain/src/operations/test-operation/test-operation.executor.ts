import { sleep } from '../../async/sleep';
import type { ExecutionContext, OperationExecutor } from '../operation-executor';
import { testOperationDefinition, type TestOperationInput } from './test-operation.definition';

/** test_operation: sleeps `sleepSeconds` or until canceled (occupies a scheduler's queue in tests). */
export class TestOperationExecutor implements OperationExecutor<TestOperationInput> {
  readonly name = testOperationDefinition.name;

  async execute(context: ExecutionContext<TestOperationInput>): Promise<void> {
    await sleep(context.input.sleepSeconds * 1000, context.signal);
  }

  async rollback(): Promise<void> {
    // Nothing to undo.
  }
}
