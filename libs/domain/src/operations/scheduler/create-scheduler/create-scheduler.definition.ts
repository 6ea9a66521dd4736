import { OperationName } from '../../operation-names';
import { schedulerInputDefinition, type SchedulerInput } from '../scheduler-input';

/** create_scheduler (operations.md 8.1): the validated scheduler of the request. */
export type CreateSchedulerInput = SchedulerInput;

/** Stored as `{"scheduler": <SchedulerEntityJSON>}`. */
export const createSchedulerDefinition = schedulerInputDefinition(OperationName.CreateScheduler);
