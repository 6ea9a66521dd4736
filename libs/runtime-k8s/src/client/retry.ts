export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  baseMs: number;
  factor: number;
  /** Share of the delay added at random (0.1 = up to +10 %). */
  jitter: number;
  retryable(error: unknown): boolean;
}

/** Delay before retry number `retry` (1-based): baseMs x factor^(retry-1), plus up to `jitter` of it. */
export function retryDelayMs(policy: Pick<RetryPolicy, 'baseMs' | 'factor' | 'jitter'>, retry: number, random: () => number = Math.random): number {
  const base = policy.baseMs * policy.factor ** (retry - 1);
  return base + base * policy.jitter * random();
}

/**
 * Runs `operation` until it succeeds, fails with an error the policy does not retry, or used all
 * attempts; the last error is rethrown.
 */
export async function withRetry<T>(policy: RetryPolicy, operation: () => Promise<T>, sleep: (ms: number) => Promise<void> = defaultSleep): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= policy.attempts || !policy.retryable(error)) throw error;
      await sleep(retryDelayMs(policy, attempt));
    }
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
