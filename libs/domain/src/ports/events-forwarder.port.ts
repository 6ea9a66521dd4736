import type { Forwarder } from '../entities/scheduler';

export const EVENTS_FORWARDER = Symbol('EventsForwarder');

/** `Room` of Maestro's forwarder protocol. */
export interface ForwardedRoom {
  game: string;
  roomId: string;
  host?: string;
  port?: number;
  metadata?: Record<string, string>;
  roomType?: string;
}

export const ROOM_STATUS_TYPES = { ready: 0, occupied: 1, terminating: 2, terminated: 3 } as const;
export type RoomStatusType = keyof typeof ROOM_STATUS_TYPES;
export const PLAYER_EVENT_TYPES = { playerJoin: 0, playerLeft: 1 } as const;

/** One message to a forwarder, by RPC. */
export type ForwarderMessage =
  | { rpc: 'SendRoomResync' | 'SendRoomStatus'; body: { room: ForwardedRoom; statusType: number } }
  | { rpc: 'SendRoomEvent'; body: { room: ForwardedRoom; eventType: string } }
  | { rpc: 'SendPlayerEvent'; body: { playerId: string; room: ForwardedRoom; eventType: number; metadata: Record<string, string> } };

/** Sends messages to forwarders (gRPC service `eventforwarder.GRPCForwarder`). */
export interface EventsForwarder {
  /**
   * Sends one message within the forwarder's timeout. Resolves with the receiver's response code
   * (any code is a success); rejects with a message naming the forwarder on transport errors.
   */
  send(forwarder: Forwarder, message: ForwarderMessage): Promise<number>;
}
