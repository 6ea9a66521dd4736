import type { Instance, InstancePort } from '../entities/instance';
import type { Forwarder, Scheduler } from '../entities/scheduler';
import { InvalidArgumentError } from '../errors/domain-error';
import type { EventAttributes, PlayerEventAttributes, RoomEventAttributes } from './event-attributes';
import {
  PLAYER_EVENT_TYPES,
  type PlayerEventMessage,
  type PlayerEventName,
  ROOM_STATUS_TYPES,
  type RoomMessage,
  type RoomStatusType,
} from './forwarder-messages';
import { formatGoValue, mergeStringMaps, toStringMap } from './go-format';

/** Instance used for unreliable events whose instance is gone: host `""`, one empty port. */
export const PLACEHOLDER_INSTANCE: Readonly<Instance> = Object.freeze<Instance>({
  id: '',
  schedulerId: '',
  status: { type: 'unknown', description: '' },
  address: { host: '', ports: [{ name: '', port: 0, protocol: '' }] },
  resourceVersion: '',
});

/** The scheduler's forwarders that receive events, in list order (`enable: false` skipped). */
export function enabledForwarders(scheduler: Scheduler): Forwarder[] {
  return (scheduler.forwarders ?? []).filter((forwarder) => forwarder.enabled);
}

/** Whether any forwarder of the scheduler is enabled (enabledForwarders without building the list). */
export function hasEnabledForwarder(scheduler: Scheduler): boolean {
  return (scheduler.forwarders ?? []).some((forwarder) => forwarder.enabled);
}

/** The port sent as `Room.port`: the one named `clientPort`, else the first; undefined if none. */
export function selectRoomPort(instance: Instance): InstancePort | undefined {
  const ports = instance.address?.ports ?? [];
  return ports.find((port) => port.name === 'clientPort') ?? ports[0];
}

/** The `ports` attribute: JSON of every port with keys `name`, `port`, `protocol` in that order. */
export function portsAttribute(ports: readonly InstancePort[]): string {
  return JSON.stringify(ports.map(({ name, port, protocol }) => ({ name, port, protocol })));
}

/** What a room message is built from; the instance is the room's (or the placeholder). */
export interface RoomMessageInput {
  scheduler: Scheduler;
  forwarder: Forwarder;
  roomId: string;
  instance: Instance;
  attributes: RoomEventAttributes;
}

/**
 * Builds the room message for one forwarder (events-forwarding.md 4.1 steps 2-5 and 5):
 * resync -> `SendRoomResync`, status -> `SendRoomStatus` (forwarder metadata, then attributes;
 * `roomType` when a string), roomEvent -> `SendRoomEvent` (attributes, then forwarder metadata).
 * Throws InvalidArgumentError with Maestro's message when the instance has no port or the
 * attributes are not a valid room event.
 */
export function buildRoomMessage({ scheduler, forwarder, roomId, instance, attributes }: RoomMessageInput): RoomMessage {
  const port = selectRoomPort(instance);
  if (!port) {
    throw new InvalidArgumentError(`no room port found to forward roomEvent. Forwarder name: "${forwarder.name}", Scheduler: "${scheduler.name}"`);
  }
  const withPorts: EventAttributes = { ...attributes, ports: portsAttribute(instance.address?.ports ?? []) };
  const forwarderMetadata = forwarder.options?.metadata ?? {};
  const base = { game: scheduler.game, roomId, host: instance.address?.host ?? '', port: port.port };
  switch (attributes.eventType) {
    case 'resync':
    case 'status': {
      const statusType = ROOM_STATUS_TYPES[roomStatusType(attributes.pingType)];
      const roomType = typeof forwarderMetadata.roomType === 'string' ? forwarderMetadata.roomType : undefined;
      const room = { ...base, metadata: mergeStringMaps(forwarderMetadata, withPorts), ...(roomType !== undefined ? { roomType } : {}) };
      return { rpc: attributes.eventType === 'resync' ? 'SendRoomResync' : 'SendRoomStatus', body: { room, statusType } };
    }
    case 'roomEvent': {
      if (typeof attributes.roomEvent !== 'string') throw new InvalidArgumentError("invalid or missing eventAttributes.Other['roomEvent'] field");
      return { rpc: 'SendRoomEvent', body: { room: { ...base, metadata: mergeStringMaps(withPorts, forwarderMetadata) }, eventType: attributes.roomEvent } };
    }
    default:
      throw new InvalidArgumentError('invalid RoomEventType, should be resync, roomEvent or status');
  }
}

function roomStatusType(pingType: unknown): RoomStatusType {
  if (pingType === undefined) throw new InvalidArgumentError('roomEvent of type ping or status must contain key "pingType" in eventAttributes');
  const type = formatGoValue(pingType).toLowerCase();
  if (!Object.hasOwn(ROOM_STATUS_TYPES, type)) {
    throw new InvalidArgumentError('invalid RoomStatusType. Should be "ready", "occupied", "terminating" or "terminated"');
  }
  return type as RoomStatusType;
}

/** What a player message is built from (no room or instance: Maestro does not read them). */
export interface PlayerMessageInput {
  scheduler: Scheduler;
  forwarder: Forwarder;
  roomId: string;
  attributes: PlayerEventAttributes;
}

/**
 * Builds the `PlayerEvent` for one forwarder (events-forwarding.md 4.2): room = game and id only,
 * metadata = attributes with the forwarder's `roomType` (any type) on top. Throws
 * InvalidArgumentError when `playerId` is not a string or the event is not playerJoin/playerLeft.
 */
export function buildPlayerMessage({ scheduler, forwarder, roomId, attributes }: PlayerMessageInput): PlayerEventMessage {
  if (typeof attributes.playerId !== 'string') {
    throw new InvalidArgumentError(
      `eventAttributes must contain key "playerId" in playerEvent events. Forwarder name: "${forwarder.name}", Scheduler: "${scheduler.name}"`,
    );
  }
  if (!Object.hasOwn(PLAYER_EVENT_TYPES, attributes.eventType)) {
    throw new InvalidArgumentError('invalid PlayerEventType. Should be "playerLeft" or "playerJoin"');
  }
  const forwarderMetadata = forwarder.options?.metadata ?? {};
  const roomType = Object.hasOwn(forwarderMetadata, 'roomType') ? { roomType: forwarderMetadata.roomType } : {};
  return {
    playerId: attributes.playerId,
    room: { game: scheduler.game, roomId },
    eventType: PLAYER_EVENT_TYPES[attributes.eventType as PlayerEventName],
    metadata: { ...toStringMap(attributes), ...toStringMap(roomType) },
  };
}
