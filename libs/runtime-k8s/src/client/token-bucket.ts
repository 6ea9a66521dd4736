import { abortableSleep } from './retry';

/**
 * Client-side rate limit: `qps` tokens per second, bursts up to `burst`; callers wait their turn
 * for a token, in order. A caller whose signal aborted while it waited takes no token when its turn
 * comes. A non-positive `qps` disables the limit.
 */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly qps: number,
    private readonly burst: number,
  ) {
    this.tokens = Math.max(1, burst);
  }

  /**
   * Resolves when the caller may send one request; at its turn at once, without a token, when
   * `signal` aborted meanwhile (the caller then sends nothing: a queue of callers that gave up, such
   * as room creations past their timeout, must not hold back those still waiting).
   */
  take(signal?: AbortSignal): Promise<void> {
    if (this.qps <= 0) return Promise.resolve();
    const turn = this.queue.then(() => this.wait(signal));
    this.queue = turn;
    return turn;
  }

  private async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) return;
      const now = Date.now();
      this.tokens = Math.min(Math.max(1, this.burst), this.tokens + ((now - this.last) / 1000) * this.qps);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      // An abort ends the wait early; the loop's first check then returns without a token.
      await abortableSleep(Math.ceil(((1 - this.tokens) / this.qps) * 1000), signal).catch(() => undefined);
    }
  }
}
