import type { ExecutionContext, ExecutionResult, OperationExecutor } from '../../operation-executor';
import { OperationName } from '../../operation-names';
import type { ExecutorPorts } from '../../executor-ports';

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
