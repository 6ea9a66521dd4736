import type { Scheduler } from '../entities/scheduler';
import { LogField } from '../logging/log-fields';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { Logger } from '../ports/logger.port';
import type { RoomStorage } from '../ports/room-storage.port';
import type { InstanceWatcher, Runtime } from '../ports/runtime.port';
import type { RoomStatusService } from '../services/room-status.service';

/** Rooms younger than this are spared by the ghost clean-up: their pod may be in creation. */
const GHOST_GRACE_MS = 60_000;

export interface InstanceMirrorPorts {
  runtime: Runtime;
  statuses: RoomStatusService;
  rooms: RoomStorage;
  instances: InstanceStorage;
  logger: Logger;
}

/**
 * Mirrors a scheduler's pods into instances (and so room statuses) through the runtime watcher.
 * When it starts, instances whose pod the runtime does not have (Redis outlived the cluster) are
 * removed with their rooms.
 */
export class InstanceMirror {
  private watcher?: InstanceWatcher;

  constructor(private readonly ports: InstanceMirrorPorts) {}

  /** Starts watching; a watcher that cannot start is logged and left off. */
  async start(scheduler: Scheduler): Promise<void> {
    const { runtime, statuses, logger } = this.ports;
    const listed = new Set<string>();
    this.watcher = await runtime
      .watchGameRoomInstances(scheduler, async (event) => {
        listed.add(event.instance.id);
        if (event.type === 'deleted') await statuses.removeInstance(event.instance);
        else await statuses.applyInstance(event.instance).catch((error: unknown) => logger.debug('instance not applied', { [LogField.Error]: String(error) }));
      })
      .catch((error: unknown) => {
        logger.warn('runtime watcher did not start', { [LogField.Error]: String(error) });
        return undefined;
      });
    if (this.watcher) await this.removeGhosts(scheduler.name, listed).catch((error: unknown) => logger.warn('ghost clean-up failed', { [LogField.Error]: String(error) }));
  }

  async stop(): Promise<void> {
    await this.watcher?.stop();
  }

  private async removeGhosts(schedulerName: string, listed: Set<string>): Promise<void> {
    const { rooms, instances, statuses, logger } = this.ports;
    const youngerThan = Date.now() - GHOST_GRACE_MS;
    for (const instance of await instances.getAllInstances(schedulerName)) {
      if (listed.has(instance.id)) continue;
      const room = await rooms.getRoom(schedulerName, instance.id).catch(() => undefined);
      if (room && room.createdAt.getTime() > youngerThan) continue;
      await statuses.removeInstance(instance);
      logger.info('removed a room whose pod no longer exists', { [LogField.RoomId]: instance.id });
    }
  }
}
