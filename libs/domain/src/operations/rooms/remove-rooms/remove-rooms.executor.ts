import type { RoomRemovalReason } from '../../../entities/game-room';
import { isNotFound } from '../../../errors/domain-error';
import type { ExecutionContext, ExecutionResult, OperationExecutor } from '../../operation-executor';
import { throwIfAborted } from '../../../async/cancellation';
import { DEFAULT_REMOVE_ROOMS_LIMIT, type ExecutorOptions, type ExecutorPorts } from '../../executor-ports';
import { type RoomToRemove, roomsToRemove } from './deletion-priority';
import { removeRoomsDefinition, type RemoveRoomsInput } from './remove-rooms.definition';

/** remove_rooms: by ids (no cap), then by amount with the deletion priority (capped). */
export class RemoveRoomsExecutor implements OperationExecutor<RemoveRoomsInput> {
  readonly name = removeRoomsDefinition.name;

  constructor(
    private readonly ports: Pick<ExecutorPorts, 'lookup' | 'rooms' | 'roomManager' | 'clock'>,
    private readonly options: Pick<ExecutorOptions, 'removeRoomsLimit' | 'roomPingTimeoutMs'>,
  ) {}

  async execute(context: ExecutionContext<RemoveRoomsInput>): Promise<ExecutionResult<RemoveRoomsInput>> {
    const { input } = context;
    const { reason } = input;
    const scheduler = await this.ports.lookup.get(context.operation.schedulerName);
    const ids = input.rooms_ids ?? [];
    if (ids.length > 0) {
      await this.removeAll(
        context,
        scheduler,
        ids.map((id) => ({ id })),
        reason,
      );
      await context.appendHistory(`removed rooms: [${ids.join(' ')}]`);
    }
    const limit = this.options.removeRoomsLimit > 0 ? this.options.removeRoomsLimit : DEFAULT_REMOVE_ROOMS_LIMIT;
    const amount = Math.min(input.amount, limit);
    if (amount > 0) {
      // Rooms chosen by amount were read from Redis: their "terminated" events carry their stored metadata.
      const chosen = await roomsToRemove(this.ports.rooms, scheduler, amount, this.options.roomPingTimeoutMs, this.ports.clock.now());
      await this.removeAll(context, scheduler, chosen, reason);
      await context.appendHistory(`removed ${amount} rooms`);
    }
    return { input: { ...input, amount } };
  }

  async rollback(): Promise<void> {
    // Deleted rooms cannot come back; the health controller reconciles the count.
  }

  private async removeAll(
    context: ExecutionContext<RemoveRoomsInput>,
    scheduler: Parameters<ExecutorPorts['roomManager']['deleteRoom']>[0],
    targets: RoomToRemove[],
    reason: RoomRemovalReason,
  ) {
    throwIfAborted(context.signal);
    const results = await Promise.allSettled(targets.map(({ id, metadata }) => this.ports.roomManager.deleteRoom(scheduler, id, reason, metadata)));
    let failed: unknown;
    for (const [i, result] of results.entries()) {
      if (result.status === 'fulfilled') continue;
      await context.appendHistory(`error removing room "${targets[i].id}". Reason => ${String(result.reason)}`);
      if (!isNotFound(result.reason)) failed ??= result.reason;
    }
    if (failed) throw failed;
  }
}
