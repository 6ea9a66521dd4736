import type { ExecutionContext, ExecutionResult, OperationExecutor } from '../../operation-executor';
import type { ExecutorPorts } from '../../executor-ports';
import type { EmptyInput } from '../../operation-definition';
import { storageCleanUpDefinition } from './storage-clean-up.definition';

/** storage_clean_up: forgets ids of expired operation records (always "no action"). */
export class StorageCleanUpExecutor implements OperationExecutor<EmptyInput> {
  readonly name = storageCleanUpDefinition.name;

  constructor(private readonly ports: Pick<ExecutorPorts, 'operationStorage'>) {}

  async execute(context: ExecutionContext<EmptyInput>): Promise<ExecutionResult<EmptyInput>> {
    await this.ports.operationStorage.cleanExpiredOperations(context.operation.schedulerName);
    return { noAction: true };
  }

  async rollback(): Promise<void> {
    // Nothing to undo.
  }
}
