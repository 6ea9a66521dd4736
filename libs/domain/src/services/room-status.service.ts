import type { GameRoom, RoomPing, RoomStatus } from '../entities/game-room';
import type { Instance } from '../entities/instance';
import type { Scheduler } from '../entities/scheduler';
import { AlreadyExistsError, NotFoundError, ignoreNotFound, isNotFound } from '../errors/domain-error';
import { LogField } from '../logging/log-fields';
import type { Clock } from '../ports/clock.port';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { Logger } from '../ports/logger.port';
import type { PingRecorder } from '../ports/ping-recorder.port';
import type { RoomStorage } from '../ports/room-storage.port';
import { calculateRoomStatus, isTransitionAllowed } from '../rooms/room-status.rules';
import type { SchedulerLookup } from './scheduler-lookup';
import { StoreByStorePingRecorder } from './store-by-store.ping-recorder';

/**
 * Forwarding of room events (QueuedRoomEvents in the apps; a no-op where none is configured).
 * Callers await these; an implementation must not make them wait for a receiver.
 */
export interface RoomEventsSink {
  /**
   * Every successful ping (`resync`), with the room and instance the ping read; undefined when
   * there is nothing to forward (no enabled forwarder): a ping then waits for no promise.
   */
  forwardPing(scheduler: Scheduler, loaded: { room: GameRoom; instance: Instance }, ping: Pick<RoomPing, 'pingStatus' | 'metadata'>): Promise<void> | undefined;
  /** A room whose instance is terminating or gone ("terminated" status event), once per room. */
  forwardStatusTerminated(scheduler: Scheduler, roomId: string, storedMetadata?: Record<string, unknown> | null): Promise<void>;
}

/**
 * Statuses of a room whose "terminated" event was already sent: whoever moved it to `terminating`
 * sent it (a deletion's write, or a reconcile seeing a terminating instance), and `terminated` is
 * only reached from `terminating`.
 */
const TERMINATION_ANNOUNCED: readonly RoomStatus[] = ['terminating', 'terminated'];

export const NO_EVENTS: RoomEventsSink = { forwardPing: () => undefined, forwardStatusTerminated: async () => undefined };

export interface RoomStatusPorts {
  rooms: RoomStorage;
  instances: InstanceStorage;
  schedulers: SchedulerLookup;
  clock: Clock;
  logger: Logger;
  /** The ping's write and reads in one step (PING_RECORDER); store by store when absent. */
  pings?: PingRecorder;
}

/**
 * Keeps a room's status the composition of what the room says (pings) and what the runtime says
 * (instances), along the allowed transitions (rooms-api.md sections 1, 2 and 9).
 */
export class RoomStatusService {
  private readonly pings: PingRecorder;

  constructor(
    private readonly ports: RoomStatusPorts,
    private readonly options: { allocationTtlMs: number },
    private readonly events: RoomEventsSink = NO_EVENTS,
  ) {
    this.pings = ports.pings ?? new StoreByStorePingRecorder(ports);
  }

  /**
   * Handles a ping; false where Maestro answers `success: false`. The write, the room read back,
   * its instance and the scheduler cache's generation are one command where they share a Redis
   * (PingRecorder); the scheduler then comes from the lookup's in-process copy while that
   * generation holds.
   */
  async ping(ping: RoomPing): Promise<boolean> {
    try {
      const { room, instance, schedulerCacheGeneration } = await this.pings.record(ping);
      const { schedulers } = this.ports;
      const scheduler = schedulers.knownAt(ping.schedulerName, schedulerCacheGeneration) ?? (await schedulers.get(ping.schedulerName));
      if (!instance) throw new NotFoundError(`instance ${ping.roomId} not found in scheduler ${ping.schedulerName}`);
      // Most pings leave the status as it is: then nothing more to wait for before forwarding.
      const next = this.nextStatus(scheduler, room, instance);
      if (next !== room.status) {
        const outcome = await this.moveTo(scheduler, room, instance, next);
        if (outcome === 'rejected') return false;
        if (outcome === 'terminated') return true;
      }
      const forwarding = this.events.forwardPing(scheduler, { room, instance }, ping);
      if (forwarding) {
        try {
          await forwarding;
        } catch (error) {
          this.log(ping).warn('failed to forward ping', { [LogField.Error]: String(error) });
        }
      }
      return true;
    } catch (error) {
      this.log(ping).debug('ping not applied', { [LogField.Error]: String(error) });
      return false;
    }
  }

  private log(ping: RoomPing): Logger {
    return this.ports.logger.child({ [LogField.SchedulerName]: ping.schedulerName, [LogField.RoomId]: ping.roomId });
  }

  /**
   * A pod was added or changed: store the instance and recompute the room's status. A live pod
   * without a room record (Redis lost it) gets its room back, `pending` and never pinged, so the
   * health controller counts it instead of starting a new one.
   */
  async applyInstance(instance: Instance): Promise<void> {
    await this.ports.instances.upsertInstance(instance);
    const scheduler = await this.ports.schedulers.get(instance.schedulerId);
    const room = await this.ports.rooms.getRoom(instance.schedulerId, instance.id).catch(async (error: unknown) => {
      if (!isNotFound(error) || instance.status.type === 'terminating') throw error;
      return this.rebuildRoom(scheduler, instance);
    });
    await this.reconcile(scheduler, room, instance);
  }

  /**
   * The room record of a pod whose record is missing; another writer's record wins. What a fault
   * left of an earlier record (in some of its sets only: createRoom refuses it, reads do not see it)
   * is deleted first, else the pod would stay without a readable room for good.
   */
  private async rebuildRoom(scheduler: Scheduler, instance: Instance): Promise<GameRoom> {
    const now = this.ports.clock.now();
    const room: GameRoom = {
      id: instance.id,
      schedulerId: scheduler.name,
      version: instance.version ?? scheduler.spec.version,
      status: 'pending',
      pingStatus: 'unknown',
      metadata: null,
      lastPingAt: now,
      isValidationRoom: false,
      runningMatches: 0,
      createdAt: now,
    };
    const stored = await this.createOrFind(room);
    if (stored) return stored;
    this.ports.logger.info('replaced a partial room record', { [LogField.SchedulerName]: scheduler.name, [LogField.RoomId]: instance.id });
    await this.ports.rooms.deleteRoom(scheduler.name, instance.id).catch(ignoreNotFound);
    return (await this.createOrFind(room)) ?? this.ports.rooms.getRoom(scheduler.name, instance.id);
  }

  /** Writes the room and answers it, or the room another writer stored first; undefined when what is stored is partial. */
  private async createOrFind(room: GameRoom): Promise<GameRoom | undefined> {
    try {
      await this.ports.rooms.createRoom(room);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      return this.ports.rooms.findRoom(room.schedulerId, room.id);
    }
    this.ports.logger.info('rebuilt the room of a pod without one', { [LogField.SchedulerName]: room.schedulerId, [LogField.RoomId]: room.id });
    return room;
  }

  /**
   * A pod is gone: remove the room and its instance, then forward "terminated" unless it was
   * already sent (the room was `terminating` or `terminated`: a deletion or a terminating pod
   * announced it) or there is no room record left to announce (removed with its announcement, or never written).
   * A pod that vanished on its own (crash, node loss) gets its one event here.
   */
  async removeInstance(instance: Instance): Promise<void> {
    const room = await this.ports.rooms.findRoom(instance.schedulerId, instance.id);
    await this.ports.rooms.deleteRoom(instance.schedulerId, instance.id).catch(ignoreNotFound);
    await this.ports.instances.deleteInstance(instance.schedulerId, instance.id).catch(ignoreNotFound);
    if (!room || TERMINATION_ANNOUNCED.includes(room.status)) return;
    const scheduler = await this.ports.schedulers.get(instance.schedulerId).catch(ignoreNotFound);
    if (scheduler) await this.events.forwardStatusTerminated(scheduler, instance.id);
  }

  private async reconcile(scheduler: Scheduler, room: GameRoom, instance: Instance): Promise<'unchanged' | 'changed' | 'rejected' | 'terminated'> {
    const next = this.nextStatus(scheduler, room, instance);
    return next === room.status ? 'unchanged' : this.moveTo(scheduler, room, instance, next);
  }

  /** The status the room should have now, from what it says (its ping status) and what its instance says. */
  private nextStatus(scheduler: Scheduler, room: GameRoom, instance: Instance): RoomStatus {
    return calculateRoomStatus(room.pingStatus, instance.status.type, {
      stored: room.status,
      allocatedAt: room.allocatedAt,
      runningMatches: room.runningMatches,
      maxMatches: scheduler.matchAllocation.maxMatches,
      now: this.ports.clock.now(),
      allocationTtlMs: this.options.allocationTtlMs,
    });
  }

  /** Moves the room to `next` along the allowed transitions, announcing a termination once. */
  private async moveTo(scheduler: Scheduler, room: GameRoom, instance: Instance, next: RoomStatus): Promise<'changed' | 'rejected' | 'terminated'> {
    if (!isTransitionAllowed(room.status, next)) return 'rejected';
    let written = true;
    try {
      await this.ports.rooms.updateRoomStatus(scheduler.name, room.id, next);
    } catch (error) {
      if (!isNotFound(error) && instance.status.type !== 'terminating') return 'rejected';
      written = false;
    }
    if (instance.status.type === 'terminating') {
      // Only the write that moved the room out of a live status announces it: a deletion that wrote
      // `terminating` first has sent the event, and a room that kept its status is announced when its pod goes.
      if (written && !TERMINATION_ANNOUNCED.includes(room.status)) await this.events.forwardStatusTerminated(scheduler, room.id);
      return 'terminated';
    }
    return 'changed';
  }
}
