import type { Instance } from '../entities/instance';
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
 * removed with their rooms; `repair` brings back the records of pods that Redis lost (the cluster
 * outlived Redis).
 */
export class InstanceMirror {
  private watcher?: InstanceWatcher;
  /** Ids of the pods last reported alive (not terminating) by the watcher. */
  private readonly live = new Set<string>();
  /** Ids of the pods the watcher reports as existing (terminating ones too); complete once `listed`. */
  private readonly existing = new Set<string>();
  /** The first list was delivered: `existing` holds every pod of the scheduler. */
  private listed = false;
  /** Ids of the pods whose deletion the watcher reported: records left of them are removed by `repair`. */
  private readonly deleted = new Set<string>();
  private readonly abort = new AbortController();
  private starting?: Promise<void>;

  constructor(private readonly ports: InstanceMirrorPorts) {}

  /**
   * Starts watching in the background: the runtime retries a failing first list on its own, and one
   * scheduler's hung or failing list must not hold up the others. The ghost clean-up runs once the
   * first list has been delivered.
   */
  start(scheduler: Scheduler): void {
    this.starting = this.watch(scheduler);
  }

  /** Stops watching, also while the first list is still being retried. */
  async stop(): Promise<void> {
    this.abort.abort(new Error('instance mirror stopped'));
    await this.starting;
    await this.watcher?.stop();
  }

  /** Resolves once the watcher has started (or could not start), and the ghost clean-up ran. */
  whenStarted(): Promise<void> {
    return this.starting ?? Promise.resolve();
  }

  private async watch(scheduler: Scheduler): Promise<void> {
    const { runtime, statuses, logger } = this.ports;
    const listed = new Set<string>();
    const { signal } = this.abort;
    try {
      this.watcher = await runtime.watchGameRoomInstances(
        scheduler,
        async (event) => {
          listed.add(event.instance.id);
          if (event.type === 'deleted' || event.instance.status.type === 'terminating') this.live.delete(event.instance.id);
          else this.live.add(event.instance.id);
          if (event.type === 'deleted') {
            this.existing.delete(event.instance.id);
            this.deleted.add(event.instance.id);
          } else {
            this.existing.add(event.instance.id);
            this.deleted.delete(event.instance.id);
          }
          if (event.type === 'deleted') await statuses.removeInstance(event.instance);
          else
            await statuses.applyInstance(event.instance).catch((error: unknown) => logger.debug('instance not applied', { [LogField.Error]: String(error) }));
        },
        { signal },
      );
    } catch (error) {
      if (!signal.aborted) logger.warn('runtime watcher did not start', { [LogField.Error]: String(error) });
      return;
    }
    if (signal.aborted) return;
    this.listed = true;
    await this.removeGhosts(scheduler.name, listed).catch((error: unknown) => logger.warn('ghost clean-up failed', { [LogField.Error]: String(error) }));
  }

  /**
   * Level-triggered repair, run before each health controller run. Where a live pod has no instance
   * or no readable room (Redis restarted empty, a record was removed under a running pod, or a fault
   * left it partial), every pod is reported again, which rebuilds the records
   * (RoomStatusService.applyInstance). Where an instance's pod no longer exists (its deletion event
   * met a Redis fault), the instance and its room are removed. Resolves once done; a no-op while the
   * watcher is not started. True when records were missing.
   */
  async repair(schedulerName: string): Promise<boolean> {
    const { watcher } = this;
    if (!watcher) return false;
    const { instances, rooms } = this.ports;
    const all = await instances.getAllInstances(schedulerName);
    await this.removeDeleted(all);
    if (this.live.size === 0) return false;
    const stored = new Set(all.map((instance) => instance.id));
    const live = [...this.live];
    const storedLive = live.filter((id) => stored.has(id));
    const found = await rooms.findRooms(schedulerName, storedLive);
    const readable = new Set(storedLive.filter((_, i) => found[i] !== undefined));
    const missing = live.filter((id) => !readable.has(id));
    if (missing.length === 0) return false;
    this.ports.logger.warn('pods without records; reporting every pod again', { missing: missing.length });
    await watcher.redeliver();
    return true;
  }

  /**
   * Removes the records of pods whose deletion the watcher reported but that are still stored (their
   * deletion event met a storage fault). Only reported deletions count: an instance the watcher has
   * not reported yet may be a pod whose events are still queued.
   */
  private async removeDeleted(stored: Instance[]): Promise<void> {
    const storedIds = new Set(stored.map((instance) => instance.id));
    for (const id of this.deleted) if (!storedIds.has(id)) this.deleted.delete(id);
    for (const instance of stored) {
      if (!this.deleted.has(instance.id) || this.existing.has(instance.id)) continue;
      await this.ports.statuses.removeInstance(instance);
      this.deleted.delete(instance.id);
      this.ports.logger.info('removed a room whose pod no longer exists', { [LogField.RoomId]: instance.id });
    }
  }

  /** Removes the stored instances (of `stored`, read here when not given) whose pod is not in `listed`. */
  private async removeGhosts(schedulerName: string, listed: Set<string>, stored?: Instance[]): Promise<void> {
    const { rooms, instances, statuses, logger } = this.ports;
    const youngerThan = Date.now() - GHOST_GRACE_MS;
    for (const instance of stored ?? (await instances.getAllInstances(schedulerName))) {
      if (listed.has(instance.id)) continue;
      const room = await rooms.findRoom(schedulerName, instance.id);
      if (room && room.createdAt.getTime() > youngerThan) continue;
      await statuses.removeInstance(instance);
      logger.info('removed a room whose pod no longer exists', { [LogField.RoomId]: instance.id });
    }
  }
}
