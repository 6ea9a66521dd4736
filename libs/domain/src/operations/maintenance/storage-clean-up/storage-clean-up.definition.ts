import { emptyInputDefinition } from '../../operation-definition';
import { OperationName } from '../../operation-names';

/** storage_clean_up (operations.md 8.8): no input, stored as `{}`. */
export const storageCleanUpDefinition = emptyInputDefinition(OperationName.StorageCleanUp);
