import type { Forwarder } from '../entities/scheduler';
import type { ForwardResult, PlayerEventMessage, RoomMessage } from '../events/forwarder-messages';

export const EVENTS_FORWARDER = Symbol('EventsForwarder');

/**
 * Sends built messages to one forwarder (gRPC service `eventforwarder.GRPCForwarder`).
 * Deciding which forwarders get what is the domain's job (`EventsForwarderService`).
 */
export interface EventsForwarder {
  /**
   * Sends a room message (`SendRoomResync`, `SendRoomStatus` or `SendRoomEvent`) to the forwarder's
   * address within its `options.timeoutMs`. Resolves once the receiver answered, whatever
   * `Response.code` is; throws `EventForwardingError` naming the forwarder (and the gRPC code)
   * when the call did not complete: `Unavailable` when nobody listens, `DeadlineExceeded` once the
   * timeout passed, the receiver's status when it failed the call, a connection failure when no
   * client can be built for the address. Never retries.
   */
  forwardRoomEvent(forwarder: Forwarder, message: RoomMessage): Promise<ForwardResult>;
  /** Sends a `PlayerEvent` with `SendPlayerEvent`; same guarantees as `forwardRoomEvent`. */
  forwardPlayerEvent(forwarder: Forwarder, message: PlayerEventMessage): Promise<ForwardResult>;
}
