import { sleep } from '../../async/sleep';
import type { ExecutionContext, OperationExecutor } from '../operation-executor';
import { OperationName } from '../operation-names';

/** test_operation: sleeps `sleepSeconds` or until canceled (occupies a scheduler's queue in tests). */
export class TestOperationExecutor implements OperationExecutor {
  readonly name = OperationName.TestOperation;

  async execute(context: ExecutionContext): Promise<void> {
    await sleep(Number(context.operation.input.sleepSeconds ?? 0) * 1000, context.signal);
  }

  async rollback(): Promise<void> {
    // Nothing to undo.
  }
}
