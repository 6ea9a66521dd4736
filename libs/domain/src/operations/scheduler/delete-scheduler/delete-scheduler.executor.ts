import { isNotFound } from '../../../errors/domain-error';
import { LogField } from '../../../logging/log-fields';
import { messageOf } from '../../../errors/message-of';
import type { ExecutionContext, OperationExecutor } from '../../operation-executor';
import { sleep } from '../../../async/sleep';
import type { ExecutorPorts } from '../../executor-ports';
import type { EmptyInput } from '../../operation-definition';
import { deleteSchedulerDefinition } from './delete-scheduler.definition';

/** How often the instance count is read while the rooms of a deleted scheduler go. */
const INSTANCE_CHECK_MS = 1_000;

/** delete_scheduler: Postgres rows and the namespace in one transaction, then waits for the rooms to go. */
export class DeleteSchedulerExecutor implements OperationExecutor<EmptyInput> {
  readonly name = deleteSchedulerDefinition.name;

  constructor(private readonly ports: Pick<ExecutorPorts, 'schedulers' | 'lookup' | 'runtime' | 'instances' | 'operationStorage'>) {}

  async execute(context: ExecutionContext<EmptyInput>): Promise<void> {
    const name = context.operation.schedulerName;
    let scheduler;
    try {
      // Postgres, never the cache: the decision to delete a namespace rests on the scheduler existing.
      scheduler = await this.ports.schedulers.getScheduler(name);
    } catch (error) {
      await context.appendHistory(`error fetching scheduler for deletion: ${messageOf(error)}`);
      throw error;
    }
    try {
      // The rows and the namespace go together: a namespace that cannot be deleted rolls the rows back.
      await this.ports.schedulers.deleteScheduler(name, async () => {
        await this.ports.runtime.deleteScheduler(scheduler).catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
      });
    } catch (error) {
      await context.appendHistory(`error deleting scheduler: ${messageOf(error)}`);
      throw error;
    }
    // After the commit: invalidating inside the transaction let a concurrent read cache the doomed row.
    await this.ports.lookup
      .invalidate(name)
      .catch((error: unknown) => context.logger.warn('failed to invalidate the cached scheduler', { [LogField.Error]: messageOf(error) }));
    // Outside the transaction (Maestro waits inside it, holding a Postgres connection for up to
    // TGP x rooms seconds: a few deletions at once would exhaust the pool).
    await this.waitForInstancesToGo(name, scheduler.spec.terminationGracePeriodNs, context).catch((error: unknown) =>
      context.logger.warn('failed to wait for the instances to be deleted', { [LogField.Error]: messageOf(error) }),
    );
    await this.ports.operationStorage.deleteHistory(name).catch(() => undefined);
  }

  /**
   * Waits until the scheduler has no instance left, for at most TGP seconds per initial instance
   * (TGP is 30 when unset); the timeout is only logged. Maestro polls every TGP and writes the count
   * it just read; this writes the same lines at the same period, but checks every second so that the
   * deletion ends as soon as the pods are gone, with the final `0` line.
   */
  private async waitForInstancesToGo(name: string, terminationGracePeriodNs: number, context: ExecutionContext<EmptyInput>): Promise<void> {
    const count = () => this.ports.instances.getInstanceCount(name);
    let left = await count();
    if (left === 0) return;
    const periodMs = (Math.trunc(terminationGracePeriodNs / 1e9) || 30) * 1000;
    const start = Date.now();
    const deadline = start + periodMs * left;
    let nextLineAt = start + periodMs;
    while (left > 0 && Date.now() < deadline) {
      await sleep(Math.min(INSTANCE_CHECK_MS, periodMs, deadline - Date.now()), context.signal);
      left = await count();
      if (left > 0 && Date.now() < nextLineAt) continue;
      await context.appendHistory(`Waiting for instances to be deleted: ${left}`);
      while (nextLineAt <= Date.now()) nextLineAt += periodMs;
    }
    if (left > 0) context.logger.warn('timeout waiting for instances to be deleted', { instances: left });
  }

  async rollback(): Promise<void> {
    // The transaction already undid the Postgres part of a failed deletion.
  }
}
