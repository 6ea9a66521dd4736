import type { CancellationRequest, OperationCancellation } from '@maestro/domain';

type Handler = (request: CancellationRequest) => void;

/**
 * OperationCancellation in memory, for unit tests: each request goes at once to every subscription
 * made before it. `requests` keeps what was published.
 */
export class InMemoryOperationCancellation implements OperationCancellation {
  readonly requests: CancellationRequest[] = [];
  private readonly subscriptions = new Set<{ handler: Handler }>();

  async requestCancellation(request: CancellationRequest): Promise<void> {
    this.requests.push({ ...request });
    for (const subscription of [...this.subscriptions]) subscription.handler({ ...request });
  }

  async subscribe(handler: Handler): Promise<() => Promise<void>> {
    // One entry per call: the same handler subscribed twice hears each request twice, as in Redis.
    const subscription = { handler };
    this.subscriptions.add(subscription);
    return async () => void this.subscriptions.delete(subscription);
  }

  /** Number of subscriptions still listening. */
  get subscribers(): number {
    return this.subscriptions.size;
  }
}
