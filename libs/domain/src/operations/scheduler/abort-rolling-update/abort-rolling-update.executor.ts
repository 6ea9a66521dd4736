import { messageOf } from '../../../errors/message-of';
import type { ExecutionContext, ExecutionResult, OperationExecutor } from '../../operation-executor';
import type { ExecutorPorts } from '../../executor-ports';
import { removeRoomsDefinition } from '../../rooms/remove-rooms/remove-rooms.definition';
import { abortRollingUpdateDefinition, type AbortRollingUpdateInput } from './abort-rolling-update.definition';

/**
 * abort_rolling_update (not in Maestro): the rolling update of a major version whose rooms fail is
 * stopped. The previous version becomes active again (so every room created from now on is of that
 * version), the failed rooms still there are removed, and the health controller replaces the rooms
 * of the failed version as in any rolling update. The history says why, room by room; the
 * operation ends `error` as the update it stopped failed.
 */
export class AbortRollingUpdateExecutor implements OperationExecutor<AbortRollingUpdateInput> {
  readonly name = abortRollingUpdateDefinition.name;

  constructor(private readonly ports: Pick<ExecutorPorts, 'schedulers' | 'lookup' | 'rooms' | 'operations'>) {}

  async execute(context: ExecutionContext<AbortRollingUpdateInput>): Promise<ExecutionResult<AbortRollingUpdateInput>> {
    const { schedulerName } = context.operation;
    const { version, rollbackVersion, threshold, failedRooms } = context.input;
    const active = await this.ports.schedulers.getScheduler(schedulerName);
    if (active.spec.version !== version) {
      await context.appendHistory(`version ${version} is no longer active (active: ${active.spec.version}): nothing to roll back`);
      return {};
    }
    await context.appendHistory(
      `rolling update to version ${version} aborted: ${failedRooms.length} of its rooms failed (rollback threshold: ${threshold} rooms)`,
    );
    for (const room of failedRooms) await context.appendHistory(`failed room ${room.id}: ${room.description || 'no status description'}`);

    let previous;
    try {
      previous = await this.ports.schedulers.getSchedulerWithVersion(schedulerName, rollbackVersion);
    } catch (error) {
      await context.appendHistory(`error fetching version ${rollbackVersion} to roll back to: ${messageOf(error)}`);
      throw error;
    }
    await this.ports.schedulers.updateScheduler({ ...previous, state: 'in-sync', rollout: undefined });
    await this.ports.lookup.invalidate(schedulerName);

    const present = await Promise.all(failedRooms.map(async ({ id }) => ((await this.ports.rooms.findRoom(schedulerName, id)) ? id : undefined)));
    const toRemove = present.filter((id): id is string => id !== undefined);
    if (toRemove.length > 0) {
      const { id } = await this.ports.operations.createPriorityOperation(schedulerName, removeRoomsDefinition, {
        amount: 0,
        rooms_ids: toRemove,
        reason: 'switch_version_rollback',
      });
      await context.appendHistory(`created operation (id: ${id}) to remove ${toRemove.length} failed rooms.`);
    }
    await context.appendHistory(`rolled back to version ${rollbackVersion}: its rooms replace the rooms of version ${version}`);
    return { failed: true };
  }

  /**
   * A failed or canceled abort ends the watch, so the health controller does not enqueue it again at
   * every run: the version stays (canceling the abort is how an operator keeps it).
   */
  async rollback(context: ExecutionContext<AbortRollingUpdateInput>): Promise<void> {
    const scheduler = await this.ports.schedulers.getScheduler(context.operation.schedulerName);
    if (!scheduler.rollout) return;
    await this.ports.schedulers.updateScheduler({ ...scheduler, rollout: undefined });
  }
}
