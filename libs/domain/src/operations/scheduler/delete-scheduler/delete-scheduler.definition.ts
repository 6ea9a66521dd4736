import { emptyInputDefinition } from '../../operation-definition';
import { OperationName } from '../../operation-names';

/** delete_scheduler (operations.md 8.6): no input, stored as `{}`. */
export const deleteSchedulerDefinition = emptyInputDefinition(OperationName.DeleteScheduler);
