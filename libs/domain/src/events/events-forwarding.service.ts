import type { GameRoom, RoomPing } from '../entities/game-room';
import type { Instance, InstancePort } from '../entities/instance';
import type { Forwarder, Scheduler } from '../entities/scheduler';
import { LogField } from '../logging/log-fields';
import {
  type EventsForwarder,
  type ForwarderMessage,
  PLAYER_EVENT_TYPES,
  ROOM_STATUS_TYPES,
  type RoomStatusType,
} from '../ports/events-forwarder.port';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { Logger } from '../ports/logger.port';
import type { RoomStorage } from '../ports/room-storage.port';
import type { RoomEventsSink } from '../services/room-status.service';
import type { SchedulerLookup } from '../services/scheduler-lookup';
import { mergeStringMaps, toStringMap } from './go-format';

export type EventAttributes = Record<string, unknown> & { eventType: string };

const UNRELIABLE = ['terminating', 'terminated'];
const PLACEHOLDER: Instance = { id: '', schedulerId: '', status: { type: 'unknown', description: '' }, address: { host: '', ports: [{ name: '', port: 0, protocol: '' }] }, resourceVersion: '' };

/**
 * Maestro's events forwarding (events-forwarding.md 3-5): builds the messages of room and player
 * events and sends them to the scheduler's enabled forwarders, in order, stopping at the first error.
 */
export class EventsForwarding implements RoomEventsSink {
  constructor(
    private readonly ports: { forwarder: EventsForwarder; schedulers: SchedulerLookup; rooms: RoomStorage; instances: InstanceStorage; logger: Logger },
  ) {}

  /** Sends a room event (resync, status, roomEvent) to every enabled forwarder. */
  async forwardRoomEvent(schedulerName: string, roomId: string, attributes: EventAttributes): Promise<void> {
    const scheduler = await this.ports.schedulers.get(schedulerName);
    for (const forwarder of scheduler.forwarders.filter((f) => f.enabled)) {
      const message = await this.roomMessage(scheduler, forwarder, roomId, attributes);
      if (message) await this.ports.forwarder.send(forwarder, message);
    }
  }

  /** Sends a player event to every enabled forwarder. */
  async forwardPlayerEvent(schedulerName: string, roomId: string, attributes: EventAttributes): Promise<void> {
    const scheduler = await this.ports.schedulers.get(schedulerName);
    for (const forwarder of scheduler.forwarders.filter((f) => f.enabled)) {
      if (typeof attributes.playerId !== 'string') {
        throw new Error(`eventAttributes must contain key "playerId" in playerEvent events. Forwarder name: "${forwarder.name}", Scheduler: "${scheduler.name}"`);
      }
      const eventType = PLAYER_EVENT_TYPES[attributes.eventType as keyof typeof PLAYER_EVENT_TYPES];
      if (eventType === undefined) throw new Error('invalid PlayerEventType. Should be "playerLeft" or "playerJoin"');
      const roomType = forwarder.options?.metadata.roomType;
      const metadata = { ...toStringMap(attributes), ...(roomType !== undefined ? toStringMap({ roomType }) : {}) };
      await this.ports.forwarder.send(forwarder, { rpc: 'SendPlayerEvent', body: { playerId: attributes.playerId, room: { game: scheduler.game, roomId }, eventType, metadata } });
    }
  }

  async pinged(scheduler: Scheduler, room: GameRoom, _instance: Instance, ping: RoomPing): Promise<void> {
    await this.forwardRoomEvent(scheduler.name, room.id, { ...ping.metadata, eventType: 'resync', pingType: ping.pingStatus });
  }

  async terminated(scheduler: Scheduler, roomId: string): Promise<void> {
    await this.forwardRoomEvent(scheduler.name, roomId, { eventType: 'status', pingType: 'terminated', roomEvent: 'terminated' }).catch((error: unknown) =>
      this.ports.logger.warn('failed to forward room termination', { [LogField.SchedulerName]: scheduler.name, [LogField.RoomId]: roomId, [LogField.Error]: String(error) }),
    );
  }

  private async roomMessage(scheduler: Scheduler, forwarder: Forwarder, roomId: string, attributes: EventAttributes): Promise<ForwarderMessage | undefined> {
    const unreliable = UNRELIABLE.includes(String(attributes.roomEvent)) || UNRELIABLE.includes(String(attributes.pingType));
    let instance: Instance;
    if (unreliable) {
      const room = await this.ports.rooms.getRoom(scheduler.name, roomId).catch(() => undefined);
      if (room?.isValidationRoom) return undefined;
      instance = await this.ports.instances.getInstance(scheduler.name, roomId).catch(() => PLACEHOLDER);
    } else {
      const room = await this.ports.rooms.getRoom(scheduler.name, roomId).catch((error: unknown) => {
        throw new Error(`failed to get room ${roomId} from storage: ${String(error)}`);
      });
      if (room.isValidationRoom) return undefined;
      instance = await this.ports.instances.getInstance(scheduler.name, roomId);
    }
    const ports = instance.address?.ports ?? [];
    const port = ports.find((p) => p.name === 'clientPort') ?? ports[0];
    if (!port) throw new Error(`no room port found to forward roomEvent. Forwarder name: "${forwarder.name}", Scheduler: "${scheduler.name}"`);
    const withPorts = { ...attributes, ports: portsJson(ports) };
    const forwarderMetadata = forwarder.options?.metadata ?? {};
    const base = { game: scheduler.game, roomId, host: instance.address?.host ?? '', port: port.port };
    switch (attributes.eventType) {
      case 'resync':
      case 'status': {
        const pingType = attributes.pingType;
        if (pingType === undefined) throw new Error('roomEvent of type ping or status must contain key "pingType" in eventAttributes');
        const statusType = ROOM_STATUS_TYPES[String(pingType).toLowerCase() as RoomStatusType];
        if (statusType === undefined) throw new Error('invalid RoomStatusType. Should be "ready", "occupied", "terminating" or "terminated"');
        const roomType = typeof forwarderMetadata.roomType === 'string' ? forwarderMetadata.roomType : undefined;
        const room = { ...base, metadata: mergeStringMaps(forwarderMetadata, withPorts), ...(roomType ? { roomType } : {}) };
        return { rpc: attributes.eventType === 'resync' ? 'SendRoomResync' : 'SendRoomStatus', body: { room, statusType } };
      }
      case 'roomEvent': {
        if (typeof attributes.roomEvent !== 'string') throw new Error("invalid or missing eventAttributes.Other['roomEvent'] field");
        return { rpc: 'SendRoomEvent', body: { room: { ...base, metadata: mergeStringMaps(withPorts, forwarderMetadata) }, eventType: attributes.roomEvent } };
      }
      default:
        throw new Error('invalid RoomEventType, should be resync, roomEvent or status');
    }
  }
}

/** `[{"name":...,"port":...,"protocol":...}]` with Maestro's key order. */
function portsJson(ports: InstancePort[]): string {
  return JSON.stringify(ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })));
}
