import type { Scheduler } from '../entities/scheduler';
import { fromGoScheduler, toGoScheduler } from '../serialization/scheduler-go-shape';
import type { OperationDefinition } from './operation-definition';

/** Definition whose input is a whole scheduler: `{"scheduler": <Go entity JSON>}`. */
export class SchedulerDefinition implements OperationDefinition {
  constructor(
    readonly name: string,
    readonly scheduler: Scheduler,
  ) {}

  /** Reads the scheduler back from a stored input. */
  static fromInput(name: string, input: Record<string, unknown>): SchedulerDefinition {
    return new SchedulerDefinition(name, fromGoScheduler((input.scheduler ?? {}) as Record<string, unknown>));
  }

  toInput(): Record<string, unknown> {
    return { scheduler: toGoScheduler(this.scheduler) };
  }
}
