import { messageOf } from '../../../errors/message-of';
import type { ExecutionContext, OperationExecutor } from '../../operation-executor';
import type { ExecutorPorts } from '../../executor-ports';
import { switchActiveVersionDefinition, type SwitchActiveVersionInput } from './switch-active-version.definition';

/** switch_active_version: the version's configuration becomes the active one; no pod is touched. */
export class SwitchActiveVersionExecutor implements OperationExecutor<SwitchActiveVersionInput> {
  readonly name = switchActiveVersionDefinition.name;

  constructor(private readonly ports: Pick<ExecutorPorts, 'schedulers' | 'lookup'>) {}

  async execute(context: ExecutionContext<SwitchActiveVersionInput>): Promise<void> {
    const { schedulerName } = context.operation;
    const version = context.input.newActiveVersion;
    let target;
    try {
      target = await this.ports.schedulers.getSchedulerWithVersion(schedulerName, version);
    } catch (error) {
      await context.appendHistory(`error fetching scheduler version to be switched to: ${messageOf(error)}`);
      throw error;
    }
    try {
      await this.ports.schedulers.updateScheduler({ ...target, state: 'in-sync' });
      await this.ports.lookup.invalidate(schedulerName);
    } catch (error) {
      await context.appendHistory(`error updating scheduler with new active version: ${messageOf(error)}`);
      throw error;
    }
  }

  async rollback(): Promise<void> {
    // Nothing to undo: the switch is one write.
  }
}
