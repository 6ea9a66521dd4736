import { setMaxListeners } from 'node:events';
import type { Scheduler } from '../../../entities/scheduler';
import { withDeadline } from '../../../async/deadline';
import { messageOf } from '../../../errors/message-of';
import type { ExecutionContext, ExecutionResult, OperationExecutor } from '../../operation-executor';
import { throwIfAborted } from '../../../async/cancellation';
import { DEFAULT_ADD_ROOMS_LIMIT, type ExecutorOptions, type ExecutorPorts } from '../../executor-ports';
import { addRoomsDefinition, type AddRoomsInput } from './add-rooms.definition';

/** Whether going from `before` to `after` of `total` passes 25, 50 or 75 %. */
const crossesQuarter = (before: number, after: number, total: number): boolean => Math.floor((after * 4) / total) > Math.floor((before * 4) / total);

/**
 * add_rooms: creates rooms `addRoomsBatchSize` at a time, the next starting as soon as one ends
 * (Maestro waits for a whole batch); fails when more rooms failed than succeeded. Operations of more
 * rooms than a batch show their progress in the history at each quarter (not in Maestro).
 * Each creation is aborted at its timeout or when the operation is canceled; an aborted creation
 * removes what it wrote (pod, room) before it counts as failed, so no failed room exists afterwards.
 */
export class AddRoomsExecutor implements OperationExecutor<AddRoomsInput> {
  readonly name = addRoomsDefinition.name;

  constructor(
    private readonly ports: Pick<ExecutorPorts, 'schedulers' | 'roomManager'>,
    private readonly options: Pick<ExecutorOptions, 'addRoomsLimit' | 'addRoomsBatchSize' | 'addRoomTimeoutMs'>,
  ) {}

  async execute(context: ExecutionContext<AddRoomsInput>): Promise<ExecutionResult<AddRoomsInput>> {
    const requested = context.input.amount;
    let scheduler;
    try {
      scheduler = await this.ports.schedulers.getScheduler(context.operation.schedulerName);
    } catch (error) {
      await context.appendHistory(`error fetching scheduler from storage: ${messageOf(error)}`);
      throw error;
    }
    const limit = this.options.addRoomsLimit > 0 ? this.options.addRoomsLimit : DEFAULT_ADD_ROOMS_LIMIT;
    const amount = Math.min(requested, limit);
    let successes = 0;
    let failures = 0;
    let started = 0;
    let done = 0;
    const showsProgress = amount > this.options.addRoomsBatchSize;
    const places = Math.min(this.options.addRoomsBatchSize, amount);
    const creations = new AbortController();
    // Every creation in flight listens to `creations`, which alone listens to the operation: no
    // leak warning from the operation's signal past 10 rooms in creation.
    setMaxListeners(places + 1, creations.signal);
    const cancel = () => creations.abort(context.signal.reason);
    if (context.signal.aborted) cancel();
    else context.signal.addEventListener('abort', cancel, { once: true });
    // `addRoomsBatchSize` creations in flight at every moment: a slow room holds its own place only,
    // not the start of the next batch (the client's rate limit is the pace, not the slowest room).
    const place = async () => {
      while (started < amount && !context.signal.aborted) {
        started++;
        try {
          await this.createRoom(scheduler, creations.signal);
          successes++;
        } catch (error) {
          failures++;
          context.logger.warn('room creation failed', { error: String(error) });
        }
        done++;
        if (showsProgress && done < amount && crossesQuarter(done - 1, done, amount)) {
          await context.appendHistory(`created ${done} of ${amount} rooms (${failures} failed)`);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: places }, place));
    } finally {
      context.signal.removeEventListener('abort', cancel);
    }
    throwIfAborted(context.signal);
    if (failures > successes) {
      await context.appendHistory(`more rooms failed than succeeded, errors: ${failures} and successes: ${successes} of amount: ${amount}`);
      throw new Error('more rooms failed than succeeded');
    }
    await context.appendHistory(`added ${amount} rooms`);
    return {};
  }

  /** One room, aborted after `addRoomTimeoutMs` or with the operation. */
  private async createRoom(scheduler: Scheduler, operation: AbortSignal): Promise<void> {
    const ms = this.options.addRoomTimeoutMs;
    await withDeadline(
      operation,
      ms,
      () => new Error(`room creation timed out after ${ms} ms`),
      (signal) => this.ports.roomManager.createRoom(scheduler, { signal }),
    );
  }

  async rollback(): Promise<void> {
    // Rooms already created stay (Maestro's behaviour); the health controller reconciles the count.
  }
}
