import { OperationName } from '../../operation-names';
import { schedulerInputDefinition, type SchedulerInput } from '../scheduler-input';

/** create_new_scheduler_version (operations.md 8.2): the new scheduler, carrying the version active when it was enqueued. */
export type CreateNewSchedulerVersionInput = SchedulerInput;

/** Stored as `{"scheduler": <SchedulerEntityJSON>}`. */
export const createNewSchedulerVersionDefinition = schedulerInputDefinition(OperationName.CreateNewSchedulerVersion);
