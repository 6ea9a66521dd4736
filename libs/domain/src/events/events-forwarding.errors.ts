import { UnexpectedError } from '../errors/domain-error';

/** Why a call to a forwarder did not complete. */
export type ForwardingFailure =
  /** The RPC ended with a gRPC status (`grpcCode` holds its Go name, e.g. `Unavailable`). */
  | 'grpc_status'
  /** The RPC failed without a gRPC status. */
  | 'unknown'
  /** No client could be built for the address. */
  | 'connect';

/**
 * A forwarder call that did not complete; the message is Maestro's (events-forwarding.md 6), which
 * the roomevent and playerevent routes return in `message`.
 */
export class EventForwardingError extends UnexpectedError {
  private constructor(
    message: string,
    readonly forwarderName: string,
    readonly failure: ForwardingFailure,
    readonly grpcCode: string | undefined,
    cause: unknown,
  ) {
    super(message, { cause });
  }

  /** `failed to forward event room at "<name>" with code <CodeName>`. */
  static withStatus(forwarderName: string, grpcCode: string, cause?: unknown): EventForwardingError {
    return new EventForwardingError(`failed to forward event room at "${forwarderName}" with code ${grpcCode}`, forwarderName, 'grpc_status', grpcCode, cause);
  }

  /** `failed to forward event room at "<name>" with unknown grpc code: <error>`. */
  static unknown(forwarderName: string, cause: unknown): EventForwardingError {
    return new EventForwardingError(
      `failed to forward event room at "${forwarderName}" with unknown grpc code: ${errorText(cause)}`,
      forwarderName,
      'unknown',
      undefined,
      cause,
    );
  }

  /** `failed to connect at <address>: address not allowed for forwarders` (adapters.grpc.allowedAddresses). */
  static notAllowed(forwarderName: string, address: string): EventForwardingError {
    return EventForwardingError.connect(forwarderName, address, new Error('address not allowed for forwarders'));
  }

  /** `failed to connect at <address>: <error>`. */
  static connect(forwarderName: string, address: string, cause: unknown): EventForwardingError {
    return new EventForwardingError(`failed to connect at ${address}: ${errorText(cause)}`, forwarderName, 'connect', undefined, cause);
  }
}

/** The text of any thrown value. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
