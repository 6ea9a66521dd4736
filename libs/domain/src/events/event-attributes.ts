/**
 * Attributes of the events Maestro forwards (events-forwarding.md 3): the metadata a room sent (or
 * stored) plus Maestro's own keys, which overwrite keys of the same name.
 */

/** Event types of room events; any other `eventType` is refused when a message is built. */
export const ROOM_EVENT_TYPES = ['resync', 'status', 'roomEvent'] as const;
export type RoomEventType = (typeof ROOM_EVENT_TYPES)[number];

/** Attributes of any event: `eventType` is mandatory, every other key is free JSON. */
export type EventAttributes = Record<string, unknown> & { eventType: string };

/** Attributes of a room event: `pingType` for resync/status, `roomEvent` for roomEvent. */
export type RoomEventAttributes = EventAttributes & { pingType?: unknown; roomEvent?: unknown };

/** Attributes of a player event: `eventType` is the room's event, `playerId` must be a string. */
export type PlayerEventAttributes = EventAttributes & { playerId?: unknown };

/** Ping and roomEvent values after which room and instance may already be gone. */
export const UNRELIABLE_STATES: readonly string[] = ['terminating', 'terminated'];

type Metadata = Record<string, unknown> | null | undefined;

/** Every accepted ping: metadata + `eventType: "resync"` + `pingType: <ping status>`. */
export function resyncAttributes(metadata: Metadata, pingStatus: string): RoomEventAttributes {
  return { ...metadata, eventType: 'resync', pingType: pingStatus };
}

/** Deprecated status route: metadata + `eventType: "status"` + `pingType: <status as sent>`. */
export function statusAttributes(metadata: Metadata, status: string): RoomEventAttributes {
  return { ...metadata, eventType: 'status', pingType: status };
}

/** roomevent route: metadata + `eventType: "roomEvent"` + `roomEvent: <event>`. */
export function roomEventAttributes(metadata: Metadata, event: string): RoomEventAttributes {
  return { ...metadata, eventType: 'roomEvent', roomEvent: event };
}

/** playerevent route: metadata + `eventType: <event>` (`playerId` comes in the metadata). */
export function playerEventAttributes(metadata: Metadata, event: string): PlayerEventAttributes {
  return { ...metadata, eventType: event };
}

/**
 * A room's termination: `eventType: "status"`, `pingType` and `roomEvent` `"terminated"`, over the
 * room's stored metadata when the caller has it (rooms removed by amount), else nothing more.
 */
export function terminatedAttributes(storedMetadata?: Metadata): RoomEventAttributes {
  return { ...storedMetadata, eventType: 'status', pingType: 'terminated', roomEvent: 'terminated' };
}

/**
 * True when the room and its instance may be gone (`roomEvent` or `pingType` is terminating or
 * terminated, whoever set it): the event is then sent with a placeholder instance if needed.
 */
export function isUnreliable(attributes: RoomEventAttributes): boolean {
  return [attributes.roomEvent, attributes.pingType].some((value) => typeof value === 'string' && UNRELIABLE_STATES.includes(value));
}
