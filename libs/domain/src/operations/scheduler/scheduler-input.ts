import type { Scheduler } from '../../entities/scheduler';
import { fromGoScheduler, toGoScheduler } from '../../serialization/scheduler-go-shape';
import { InputReader } from '../input/input-reader';
import type { OperationDefinition } from '../operation-definition';
import type { OperationName } from '../operation-names';

/** The input of the operations that carry a whole scheduler (create_scheduler, create_new_scheduler_version). */
export interface SchedulerInput {
  scheduler: Scheduler;
}

/**
 * Stored as `{"scheduler": <the scheduler entity as Go encodes it>}` (management-api.md 3.5). The
 * scheduler must be there with its `Name` and `Spec`, which the executors use; the rest is read as
 * leniently as the scheduler cache is, and validated again where Maestro validates it.
 */
export function schedulerInputDefinition(name: OperationName): OperationDefinition<SchedulerInput> {
  return {
    name,
    toJson: ({ scheduler }) => ({ scheduler: toGoScheduler(scheduler) }),
    parse: (json) => {
      const scheduler = new InputReader(name, json).object('scheduler');
      if (scheduler.string('Name') === '') throw scheduler.invalid('Name', 'is missing');
      scheduler.object('Spec');
      return { scheduler: fromGoScheduler(scheduler.fields) };
    },
  };
}
