import { LogField } from '../../../logging/log-fields';
import { messageOf } from '../../../errors/message-of';
import type { ExecutionContext, OperationExecutor } from '../../operation-executor';
import type { ExecutorPorts } from '../../executor-ports';
import { createSchedulerDefinition, type CreateSchedulerInput } from './create-scheduler.definition';

/** create_scheduler: namespace (and PDB) in the runtime, then the scheduler becomes in-sync. */
export class CreateSchedulerExecutor implements OperationExecutor<CreateSchedulerInput> {
  readonly name = createSchedulerDefinition.name;

  constructor(private readonly ports: Pick<ExecutorPorts, 'runtime' | 'schedulers' | 'lookup'>) {}

  async execute(context: ExecutionContext<CreateSchedulerInput>): Promise<void> {
    const { scheduler } = context.input;
    try {
      await this.ports.runtime.createScheduler(scheduler);
    } catch (error) {
      await context.appendHistory(`error creating scheduler in runtime: ${messageOf(error)}`);
      throw error;
    }
    try {
      const stored = await this.ports.schedulers.getScheduler(scheduler.name);
      await this.ports.schedulers.updateScheduler({ ...stored, state: 'in-sync' });
      await this.ports.lookup.invalidate(scheduler.name);
    } catch (error) {
      await context.appendHistory(`error updating scheduler state: ${messageOf(error)}`);
      throw error;
    }
  }

  async rollback(context: ExecutionContext<CreateSchedulerInput>): Promise<void> {
    const { scheduler } = context.input;
    try {
      await this.ports.schedulers.deleteScheduler(scheduler.name);
    } catch (error) {
      await context.appendHistory(`error deleting newly created scheduler: ${messageOf(error)}`);
      throw error;
    }
    // A ping of one of its rooms may have cached the scheduler meanwhile.
    await this.ports.lookup
      .invalidate(scheduler.name)
      .catch((error: unknown) => context.logger.warn('failed to invalidate the cached scheduler', { [LogField.Error]: messageOf(error) }));
  }
}
