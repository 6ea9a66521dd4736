import { DEFAULT_FORWARDER_TIMEOUT_MS, type Forwarder } from '../entities/scheduler';
import { EventForwardingError } from './events-forwarding.errors';

/** The per-call deadline of a forwarder: `options.timeout` ms, 1000 ms when absent or 0 (events-forwarding.md 1). */
export function forwarderTimeoutMs(forwarder: Forwarder): number {
  return forwarder.options?.timeoutMs || DEFAULT_FORWARDER_TIMEOUT_MS;
}

/**
 * Runs one forwarder call, giving up with `DeadlineExceeded` once the forwarder's timeout passed,
 * whatever the adapter does: no caller waits on a receiver longer than its timeout. The call itself
 * is left to end on its own (the gRPC adapter's deadline ends it at the same time).
 */
export function withinForwarderTimeout<T>(forwarder: Forwarder, call: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(EventForwardingError.withStatus(forwarder.name, 'DeadlineExceeded')), forwarderTimeoutMs(forwarder));
    call().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
