import type { EventsForwarder, Forwarder, ForwardResult, PlayerEventMessage, RoomMessage } from '@maestro/domain';

/** A call the hanging receiver holds. */
export interface HeldCall {
  forwarder: string;
  rpc: string;
  request: RoomMessage['body'] | PlayerEventMessage;
}

/**
 * An EventsForwarder whose receiver never answers (a stuck matchmaker, an adapter ignoring its
 * deadline): every call is recorded at once and stays pending until `release` answers it with 200.
 */
export class HangingEventsForwarder implements EventsForwarder {
  readonly calls: HeldCall[] = [];
  private readonly held: Array<() => void> = [];

  forwardRoomEvent(forwarder: Forwarder, message: RoomMessage): Promise<ForwardResult> {
    return this.hold({ forwarder: forwarder.name, rpc: message.rpc, request: message.body });
  }

  forwardPlayerEvent(forwarder: Forwarder, message: PlayerEventMessage): Promise<ForwardResult> {
    return this.hold({ forwarder: forwarder.name, rpc: 'SendPlayerEvent', request: message });
  }

  /** Calls still held. */
  get pending(): number {
    return this.held.length;
  }

  /** Answers every held call with `Response{code: 200}`. */
  release(): void {
    this.held.splice(0).forEach((answer) => answer());
  }

  private hold(call: HeldCall): Promise<ForwardResult> {
    this.calls.push(call);
    return new Promise((resolve) => this.held.push(() => resolve({ code: 200, outcome: 'OK', message: 'released' })));
  }
}
