import type { ExecutionContext, ExecutionResult, OperationExecutor } from '../operation-executor';
import { OperationName } from '../operation-names';
import { sleep, type ExecutorPorts } from '../executor-ports';

/** storage_clean_up: forgets ids of expired operation records (always "no action"). */
export class StorageCleanUpExecutor implements OperationExecutor {
  readonly name = OperationName.StorageCleanUp;

  constructor(private readonly ports: Pick<ExecutorPorts, 'operationStorage'>) {}

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    await this.ports.operationStorage.cleanExpiredOperations(context.operation.schedulerName);
    return { noAction: true };
  }

  async rollback(): Promise<void> {
    // Nothing to undo.
  }
}

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
