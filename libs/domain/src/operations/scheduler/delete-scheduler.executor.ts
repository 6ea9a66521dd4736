import { isNotFound } from '../../errors/domain-error';
import { messageOf } from '../../services/operation-manager';
import type { ExecutionContext, OperationExecutor } from '../operation-executor';
import { OperationName } from '../operation-names';
import { sleep, type ExecutorPorts } from '../executor-ports';

/** delete_scheduler: Postgres rows and the namespace in one transaction, then waits for the rooms to go. */
export class DeleteSchedulerExecutor implements OperationExecutor {
  readonly name = OperationName.DeleteScheduler;

  constructor(private readonly ports: Pick<ExecutorPorts, 'schedulers' | 'lookup' | 'runtime' | 'instances' | 'operationStorage'>) {}

  async execute(context: ExecutionContext): Promise<void> {
    const name = context.operation.schedulerName;
    let scheduler;
    try {
      scheduler = await this.ports.lookup.get(name);
    } catch (error) {
      await context.appendHistory(`error fetching scheduler for deletion: ${messageOf(error)}`);
      throw error;
    }
    try {
      await this.ports.schedulers.deleteScheduler(name, async () => {
        await this.ports.runtime.deleteScheduler(scheduler).catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
        const tgpSeconds = Math.trunc(scheduler.spec.terminationGracePeriodNs / 1e9) || 30;
        const initial = await this.ports.instances.getInstanceCount(name);
        const deadline = Date.now() + Math.max(1, tgpSeconds * initial) * 1000;
        for (let left = initial; left > 0 && Date.now() < deadline; left = await this.ports.instances.getInstanceCount(name)) {
          await context.appendHistory(`Waiting for instances to be deleted: ${left}`);
          await sleep(Math.min(tgpSeconds * 1000, 1000), context.signal);
        }
        await this.ports.lookup.invalidate(name).catch(() => undefined);
        await this.ports.operationStorage.deleteHistory(name).catch(() => undefined);
      });
    } catch (error) {
      await context.appendHistory(`error deleting scheduler: ${messageOf(error)}`);
      throw error;
    }
  }

  async rollback(): Promise<void> {
    // The transaction already undid the Postgres part of a failed deletion.
  }
}
