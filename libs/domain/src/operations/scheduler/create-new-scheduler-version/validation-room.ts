import type { RoomStatus } from '../../../entities/game-room';
import type { Scheduler } from '../../../entities/scheduler';
import type { ExecutionContext } from '../../operation-executor';
import type { CreateNewSchedulerVersionInput } from './create-new-scheduler-version.definition';
import type { ExecutorOptions, ExecutorPorts } from '../../executor-ports';
import { messageOf } from '../../../errors/message-of';
import { goQuote } from '../../../formatting/go-quote';

export interface ValidationOutcome {
  success: boolean;
  history: string;
}

/**
 * One validation attempt of a major version: a room of the new configuration must become ready
 * (or occupied when accepted) within the timeout; the room is always deleted afterwards.
 */
export async function validateWithRoom(
  scheduler: Scheduler,
  attempt: number,
  context: ExecutionContext<CreateNewSchedulerVersionInput>,
  ports: Pick<ExecutorPorts, 'rooms' | 'instances' | 'roomManager'>,
  options: Pick<ExecutorOptions, 'validationTimeoutMs' | 'validationAcceptOccupied'>,
  register: (roomId: string | undefined) => void,
): Promise<ValidationOutcome> {
  const ordinal = `${attempt}º Attempt:`;
  let roomId: string | undefined;
  try {
    const { room } = await ports.roomManager.createRoom(scheduler, { isValidationRoom: true });
    roomId = room.id;
    register(roomId);
    const accepted: RoomStatus[] = options.validationAcceptOccupied ? ['ready', 'occupied'] : ['ready'];
    const status = await waitForStatus(scheduler.name, room.id, [...accepted, 'error'], options.validationTimeoutMs, context.signal, ports);
    if (status === 'timeout') {
      return {
        success: false,
        history: `${ordinal} Got timeout waiting for the GRU with ID: ${room.id} to be ready. You can check if\n\t\tthe GRU image is stable on its logs.`,
      };
    }
    if (status === 'error') {
      const lastEvent = await lastEventOf(scheduler.name, room.id, ports);
      return {
        success: false,
        history: `${ordinal} The room created for validation with ID ${room.id} is entering in error state. You can check if\n\t\tthe GRU image is stable on its logs using the provided room id. Last event in the game room: ${goQuote(lastEvent)}`,
      };
    }
    return { success: true, history: `${ordinal} Game room validation success!` };
  } catch (error) {
    if (context.signal.aborted) throw error;
    return { success: false, history: `${ordinal} Unexpected Error, contact the Maestro's responsible team for helping: "${messageOf(error)}"` };
  } finally {
    if (roomId) {
      await ports.roomManager.deleteRoom(scheduler, roomId, 'new_version_validation_finished').catch(() => undefined);
      register(undefined);
    }
  }
}

/** The instance's status description (e.g. the image pull error), `unknown` when it cannot be read. */
async function lastEventOf(schedulerName: string, roomId: string, ports: Pick<ExecutorPorts, 'instances'>): Promise<string> {
  const instance = await ports.instances.findInstance(schedulerName, roomId).catch(() => undefined);
  return instance ? instance.status.description : 'unknown';
}

async function waitForStatus(
  schedulerName: string,
  roomId: string,
  wanted: RoomStatus[],
  timeoutMs: number,
  signal: AbortSignal,
  ports: Pick<ExecutorPorts, 'rooms'>,
): Promise<RoomStatus | 'timeout'> {
  const watcher = await ports.rooms.watchRoomStatus(schedulerName, roomId);
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = AbortSignal.any([signal, timeout]);
  try {
    const current = (await ports.rooms.findRoom(schedulerName, roomId))?.status;
    if (current && wanted.includes(current)) return current;
    for (;;) {
      const status = await watcher.next(both);
      if (wanted.includes(status)) return status;
    }
  } catch (error) {
    if (timeout.aborted && !signal.aborted) return 'timeout';
    throw error;
  } finally {
    await watcher.stop();
  }
}
