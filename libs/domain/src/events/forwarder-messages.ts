/**
 * Contents of the messages of Maestro's forwarder protocol (`eventforwarder.GRPCForwarder`,
 * events-forwarding.md 2), as plain data: the adapter sends them as they are.
 */

/** `Room`; absent fields are sent as proto3 defaults. */
export interface ForwardedRoom {
  game: string;
  roomId: string;
  host?: string;
  port?: number;
  metadata?: Record<string, string>;
  roomType?: string;
}

/** Values of enum `RoomStatus.RoomStatusType`, by ping type. */
export const ROOM_STATUS_TYPES = { ready: 0, occupied: 1, terminating: 2, terminated: 3 } as const;
export type RoomStatusType = keyof typeof ROOM_STATUS_TYPES;
export type RoomStatusTypeValue = (typeof ROOM_STATUS_TYPES)[RoomStatusType];

/** Values of enum `PlayerEvent.PlayerEventType`, by the event name rooms report. */
export const PLAYER_EVENT_TYPES = { playerJoin: 0, playerLeft: 1 } as const;
export type PlayerEventName = keyof typeof PLAYER_EVENT_TYPES;
export type PlayerEventTypeValue = (typeof PLAYER_EVENT_TYPES)[PlayerEventName];

/** `RoomStatus`, sent by `SendRoomResync` (pings) and `SendRoomStatus` (status events). */
export interface RoomStatusMessage {
  room: ForwardedRoom;
  statusType: RoomStatusTypeValue;
}

/** `RoomEvent`; its own `metadata` field is never filled (metadata goes in `room.metadata`). */
export interface RoomEventMessage {
  room: ForwardedRoom;
  eventType: string;
}

/** `PlayerEvent`. */
export interface PlayerEventMessage {
  playerId: string;
  room: ForwardedRoom;
  eventType: PlayerEventTypeValue;
  metadata: Record<string, string>;
}

/** A room message with the RPC that carries it. */
export type RoomMessage = { rpc: 'SendRoomResync' | 'SendRoomStatus'; body: RoomStatusMessage } | { rpc: 'SendRoomEvent'; body: RoomEventMessage };

/** Every RPC Maestro calls. */
export type ForwarderRpc = RoomMessage['rpc'] | 'SendPlayerEvent';

/** Name of the receiver's `Response.code` for metrics and logs (events-forwarding.md 6). */
export type ResponseOutcome = 'OK' | 'NotFound' | 'FailedPrecondition' | 'Internal' | 'Unknown';

/** A completed call: always a success, whatever the receiver's code. */
export interface ForwardResult {
  /** `Response.code` as the receiver answered it. */
  code: number;
  outcome: ResponseOutcome;
  /** `Response.message`. */
  message: string;
}

/** Maps `Response.code`: 200 OK, 404 NotFound, 406 FailedPrecondition, 500 Internal, else Unknown. */
export function responseOutcome(code: number): ResponseOutcome {
  switch (code) {
    case 200:
      return 'OK';
    case 404:
      return 'NotFound';
    case 406:
      return 'FailedPrecondition';
    case 500:
      return 'Internal';
    default:
      return 'Unknown';
  }
}
