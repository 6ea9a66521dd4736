import {
  DEFAULT_FORWARDER_TIMEOUT_MS,
  EventForwardingError,
  type EventsForwarder,
  type Forwarder,
  type ForwarderRpc,
  type ForwardResult,
  type PlayerEventMessage,
  responseOutcome,
  type RoomMessage,
} from '@maestro/domain';

/** A receiver played in memory at one address: what it got, and how it answers. */
export interface FakeReceiver {
  /** Every call it got, in order. */
  readonly calls: { rpc: ForwarderRpc; request: unknown }[];
  /** `Response.code` it answers (200 unless told otherwise). */
  code: number;
  /** `Response.message` it answers. */
  message: string;
  /** Go name of a gRPC status (e.g. `Internal`) it fails every call with instead of answering. */
  failWith?: string;
  /** How long it takes to answer; a call whose timeout passes first fails with DeadlineExceeded. */
  delayMs: number;
}

/**
 * The EventsForwarder port in memory, for unit tests: receivers are played at the addresses a test
 * opens with `receiverAt`; an address without one is unreachable (Unavailable), an empty one cannot
 * be connected to. Calls are never retried, as over gRPC.
 */
export class InMemoryEventsForwarder implements EventsForwarder {
  private readonly receivers = new Map<string, FakeReceiver>();

  /** The receiver at `address`, listening from the first call of this on. */
  receiverAt(address: string): FakeReceiver {
    let receiver = this.receivers.get(address);
    if (!receiver) {
      receiver = { calls: [], code: 200, message: 'ok', delayMs: 0 };
      this.receivers.set(address, receiver);
    }
    return receiver;
  }

  forwardRoomEvent(forwarder: Forwarder, message: RoomMessage): Promise<ForwardResult> {
    return this.call(forwarder, message.rpc, message.body);
  }

  forwardPlayerEvent(forwarder: Forwarder, message: PlayerEventMessage): Promise<ForwardResult> {
    return this.call(forwarder, 'SendPlayerEvent', message);
  }

  private async call(forwarder: Forwarder, rpc: ForwarderRpc, request: unknown): Promise<ForwardResult> {
    if (forwarder.address.trim() === '') throw EventForwardingError.connect(forwarder.name, forwarder.address, new Error('no address to connect to'));
    const receiver = this.receivers.get(forwarder.address);
    if (!receiver) throw EventForwardingError.withStatus(forwarder.name, 'Unavailable');
    receiver.calls.push({ rpc, request: structuredClone(request) });
    const timeoutMs = forwarder.options?.timeoutMs || DEFAULT_FORWARDER_TIMEOUT_MS;
    const { code, message, failWith, delayMs } = receiver;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delayMs, timeoutMs)));
    if (delayMs >= timeoutMs) throw EventForwardingError.withStatus(forwarder.name, 'DeadlineExceeded');
    if (failWith !== undefined) throw EventForwardingError.withStatus(forwarder.name, failWith);
    return { code, outcome: responseOutcome(code), message };
  }
}
