import { type Clock, systemClock } from '@maestro/domain';

interface Bucket {
  tokens: number;
  at: number;
}

const MINUTE_MS = 60_000;
/** Addresses remembered at most; beyond, those whose bucket is full again are forgotten. */
const MAX_ADDRESSES = 100_000;

/**
 * A token bucket per client address that authentication failures drain: `perMinute` failures, then
 * the address is limited until the bucket refills (`perMinute` per minute, continuously).
 */
export class AuthFailureLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Whether the address has used up its failures: its requests are answered 429 unread. */
  isLimited(address: string): boolean {
    return this.refilled(address).tokens < 1;
  }

  /** Counts one failure of the address. */
  recordFailure(address: string): void {
    const bucket = this.refilled(address);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.buckets.set(address, bucket);
    if (this.buckets.size > MAX_ADDRESSES) this.forgetRefilled();
  }

  /** Milliseconds until the address may try again (0 when it is not limited). */
  retryAfterMs(address: string): number {
    const missing = 1 - this.refilled(address).tokens;
    return missing <= 0 ? 0 : Math.ceil((missing * MINUTE_MS) / this.perMinute);
  }

  private refilled(address: string): Bucket {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(address);
    if (!bucket) return { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) * this.perMinute) / MINUTE_MS);
    bucket.at = now;
    return bucket;
  }

  private forgetRefilled(): void {
    for (const address of [...this.buckets.keys()]) if (this.refilled(address).tokens >= this.perMinute) this.buckets.delete(address);
  }
}
