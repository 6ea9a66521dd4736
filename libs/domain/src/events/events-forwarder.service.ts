import type { GameRoom, RoomPing } from '../entities/game-room';
import type { Instance } from '../entities/instance';
import type { Forwarder, Scheduler } from '../entities/scheduler';
import { isNotFound, NotFoundError, UnexpectedError } from '../errors/domain-error';
import { LogField } from '../logging/log-fields';
import type { Clock } from '../ports/clock.port';
import type { EventsForwarder } from '../ports/events-forwarder.port';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { Logger } from '../ports/logger.port';
import type { RoomStorage } from '../ports/room-storage.port';
import type { RoomEventsSink } from '../services/room-status.service';
import {
  isUnreliable,
  type PlayerEventAttributes,
  playerEventAttributes,
  type RoomEventAttributes,
  roomEventAttributes,
  resyncAttributes,
  statusAttributes,
  terminatedAttributes,
} from './event-attributes';
import { errorText } from './events-forwarding.errors';
import { withinForwarderTimeout } from './forwarder-timeout';
import type { ForwarderRpc, ForwardResult } from './forwarder-messages';
import { buildPlayerMessage, buildRoomMessage, enabledForwarders, PLACEHOLDER_INSTANCE } from './message-builders';

/** Active schedulers by name (SchedulerLookup: cache, then storage); throws NotFoundError. */
export interface SchedulerSource {
  get(name: string): Promise<Scheduler>;
}

export interface EventsForwarderPorts {
  forwarder: EventsForwarder;
  schedulers: SchedulerSource;
  rooms: RoomStorage;
  instances: InstanceStorage;
  logger: Logger;
  clock: Clock;
}

/** One message a forwarder received. */
export interface ForwardedEvent {
  forwarder: string;
  rpc: ForwarderRpc;
  result: ForwardResult;
}

/** What happened to an event: the calls made, or why none was made. */
export interface ForwardReport {
  sent: ForwardedEvent[];
  skipped?: 'no_enabled_forwarder' | 'validation_room';
}

/** Answer of the roomevent and playerevent routes (rooms-api.md 4-5). */
export interface EventAnswer {
  success: boolean;
  message: string;
}

/** Room and instance already read by the caller (the ping path), spared a second read. */
export interface LoadedRoom {
  room: GameRoom;
  instance: Instance;
}

/** A room event ready to be sent: what `prepareRoomEvent` read, for `send`. */
export interface PreparedRoomEvent {
  scheduler: Scheduler;
  roomId: string;
  attributes: RoomEventAttributes;
  forwarders: Forwarder[];
  /** The instance describing the room; absent when skipped. */
  instance?: Instance;
  skipped?: ForwardReport['skipped'];
}

const FORWARDER_FIELD = 'forwarder_name';

/**
 * Maestro's events forwarding (events-forwarding.md 3-6): sends room and player events to the
 * scheduler's enabled forwarders in list order, the first error stopping the loop; and the
 * behaviours of the callers (ping, status, roomevent and playerevent routes, room termination).
 */
export class EventsForwarderService implements RoomEventsSink {
  constructor(protected readonly ports: EventsForwarderPorts) {}

  /**
   * Forwards a room event (resync, status or roomEvent). Resolves with the calls made (none when
   * no forwarder is enabled or the room is a validation room); throws the first error.
   */
  async forwardRoomEvent(schedulerName: string, roomId: string, attributes: RoomEventAttributes): Promise<ForwardReport> {
    return this.forwardRoom(await this.ports.schedulers.get(schedulerName), roomId, attributes);
  }

  /** Forwards a player event; room and instance are not read. Throws the first error. */
  async forwardPlayerEvent(schedulerName: string, roomId: string, attributes: PlayerEventAttributes): Promise<ForwardReport> {
    const scheduler = await this.ports.schedulers.get(schedulerName);
    const forwarders = enabledForwarders(scheduler);
    if (forwarders.length === 0) return { sent: [], skipped: 'no_enabled_forwarder' };
    const sent: ForwardedEvent[] = [];
    for (const forwarder of forwarders) {
      const message = buildPlayerMessage({ scheduler, forwarder, roomId, attributes });
      sent.push(await this.call(forwarder, 'SendPlayerEvent', () => this.ports.forwarder.forwardPlayerEvent(forwarder, message)));
    }
    return { sent };
  }

  /** An accepted ping, forwarded as `resync` with the room and instance the caller read. Errors are logged only. */
  async forwardPing(scheduler: Scheduler, loaded: LoadedRoom, ping: Pick<RoomPing, 'pingStatus' | 'metadata'>): Promise<void> {
    await this.forwardRoom(scheduler, loaded.room.id, resyncAttributes(ping.metadata, ping.pingStatus), loaded).catch((error: unknown) =>
      this.logFailure('failed to forward ping', scheduler.name, loaded.room.id, error),
    );
  }

  /** Deprecated status route: true when forwarding worked (or no forwarder is enabled). */
  async statusEvent(schedulerName: string, roomId: string, status: string, metadata?: Record<string, unknown>): Promise<boolean> {
    return (await this.answer(() => this.forwardRoomEvent(schedulerName, roomId, statusAttributes(metadata, status)))).success;
  }

  /** roomevent route: `success: false` with the error text when forwarding failed. */
  roomEvent(schedulerName: string, roomId: string, event: string, metadata?: Record<string, unknown>): Promise<EventAnswer> {
    return this.answer(() => this.forwardRoomEvent(schedulerName, roomId, roomEventAttributes(metadata, event)));
  }

  /** playerevent route: `success: false` with the error text when forwarding failed. */
  playerEvent(schedulerName: string, roomId: string, event: string, metadata?: Record<string, unknown>): Promise<EventAnswer> {
    return this.answer(() => this.forwardPlayerEvent(schedulerName, roomId, playerEventAttributes(metadata, event)));
  }

  /**
   * A room's termination (deletion by an operation, pod gone, terminating instance): the
   * "terminated" status event, over the room's stored metadata when given. Errors are logged only.
   */
  async forwardStatusTerminated(scheduler: Scheduler | string, roomId: string, storedMetadata?: Record<string, unknown> | null): Promise<void> {
    const name = typeof scheduler === 'string' ? scheduler : scheduler.name;
    const attributes = terminatedAttributes(storedMetadata);
    const sending = typeof scheduler === 'string' ? this.forwardRoomEvent(name, roomId, attributes) : this.forwardRoom(scheduler, roomId, attributes);
    await sending.catch((error: unknown) => this.logFailure('failed to forward room termination', name, roomId, error));
  }

  /**
   * Reads what a room event needs (scheduler's enabled forwarders, room, instance) without calling
   * any forwarder; `send` makes the calls later. Used where the caller must not wait for a receiver.
   */
  async prepareRoomEvent(scheduler: Scheduler, roomId: string, attributes: RoomEventAttributes, loaded?: LoadedRoom): Promise<PreparedRoomEvent> {
    const forwarders = enabledForwarders(scheduler);
    if (forwarders.length === 0) return { scheduler, roomId, attributes, forwarders, skipped: 'no_enabled_forwarder' };
    const instance = await this.targetInstance(scheduler, roomId, attributes, loaded);
    if (!instance) return { scheduler, roomId, attributes, forwarders, skipped: 'validation_room' };
    return { scheduler, roomId, attributes, forwarders, instance };
  }

  /** Sends a prepared room event to its forwarders in list order; the first error stops the loop and is thrown. */
  async send(prepared: PreparedRoomEvent): Promise<ForwardReport> {
    const { scheduler, roomId, attributes, forwarders, instance, skipped } = prepared;
    if (skipped === 'validation_room') {
      this.ports.logger.debug('event of a validation room not forwarded', { [LogField.SchedulerName]: scheduler.name, [LogField.RoomId]: roomId });
    }
    if (skipped || !instance) return { sent: [], skipped: skipped ?? 'no_enabled_forwarder' };
    const sent: ForwardedEvent[] = [];
    for (const forwarder of forwarders) {
      const message = buildRoomMessage({ scheduler, forwarder, roomId, instance, attributes });
      sent.push(await this.call(forwarder, message.rpc, () => this.ports.forwarder.forwardRoomEvent(forwarder, message)));
    }
    return { sent };
  }

  private async forwardRoom(scheduler: Scheduler, roomId: string, attributes: RoomEventAttributes, loaded?: LoadedRoom): Promise<ForwardReport> {
    return this.send(await this.prepareRoomEvent(scheduler, roomId, attributes, loaded));
  }

  /** The instance to describe the room with (events-forwarding.md 4.1 step 1); undefined = validation room. */
  private async targetInstance(scheduler: Scheduler, roomId: string, attributes: RoomEventAttributes, loaded?: LoadedRoom): Promise<Instance | undefined> {
    if (loaded) return loaded.room.isValidationRoom ? undefined : loaded.instance;
    const { rooms, instances } = this.ports;
    if (isUnreliable(attributes)) {
      const room = await rooms.findRoom(scheduler.name, roomId);
      if (room?.isValidationRoom) return undefined;
      return (await instances.findInstance(scheduler.name, roomId)) ?? PLACEHOLDER_INSTANCE;
    }
    const room = await rooms.getRoom(scheduler.name, roomId).catch((cause: unknown) => {
      const message = `failed to get room ${roomId} from storage: ${errorText(cause)}`;
      throw isNotFound(cause) ? new NotFoundError(message, { cause }) : new UnexpectedError(message, { cause });
    });
    if (room.isValidationRoom) return undefined;
    return instances.getInstance(scheduler.name, roomId);
  }

  private async call(forwarder: Forwarder, rpc: ForwarderRpc, send: () => Promise<ForwardResult>): Promise<ForwardedEvent> {
    const started = this.ports.clock.now().getTime();
    const result = await withinForwarderTimeout(forwarder, send);
    this.ports.logger.debug('event forwarded', {
      [FORWARDER_FIELD]: forwarder.name,
      rpc,
      code: result.code,
      outcome: result.outcome,
      duration_ms: this.ports.clock.now().getTime() - started,
    });
    return { forwarder: forwarder.name, rpc, result };
  }

  private async answer(forward: () => Promise<ForwardReport>): Promise<EventAnswer> {
    try {
      await forward();
      return { success: true, message: '' };
    } catch (error) {
      return { success: false, message: errorText(error) };
    }
  }

  private logFailure(message: string, schedulerName: string, roomId: string, error: unknown): void {
    this.ports.logger.warn(message, { [LogField.SchedulerName]: schedulerName, [LogField.RoomId]: roomId, [LogField.Error]: errorText(error) });
  }
}
