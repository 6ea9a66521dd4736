export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  baseMs: number;
  factor: number;
  /** Share of the delay added at random (0.1 = up to +10 %). */
  jitter: number;
  retryable(error: unknown): boolean;
}

export interface RetryOptions {
  /** Stops the retries: no attempt starts once it aborted, and the wait between two ends at once. */
  signal?: AbortSignal;
  /** Waits between attempts; rejects with the signal's reason when it aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Delay before retry number `retry` (1-based): baseMs x factor^(retry-1), plus up to `jitter` of it. */
export function retryDelayMs(policy: Pick<RetryPolicy, 'baseMs' | 'factor' | 'jitter'>, retry: number, random: () => number = Math.random): number {
  const base = policy.baseMs * policy.factor ** (retry - 1);
  return base + base * policy.jitter * random();
}

/**
 * Runs `operation` until it succeeds, fails with an error the policy does not retry, or used all
 * attempts; the last error is rethrown. Once `signal` aborts, the error of the attempt in flight is
 * rethrown, or the signal's reason when between attempts.
 */
export async function withRetry<T>(policy: RetryPolicy, operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { signal, sleep = abortableSleep } = options;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await operation();
    } catch (error) {
      if (signal?.aborted || attempt >= policy.attempts || !policy.retryable(error)) throw error;
      await sleep(retryDelayMs(policy, attempt), signal);
    }
  }
}

/** Resolves after `ms`; rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
