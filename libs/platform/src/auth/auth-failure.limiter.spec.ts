import { ManualClock } from '@maestro/testing';
import { AuthFailureLimiter } from './auth-failure.limiter';

describe('AuthFailureLimiter', () => {
  it('limits an address after its failures per minute, refills it over time, and leaves other addresses alone', () => {
    const clock = new ManualClock();
    const limiter = new AuthFailureLimiter(3, clock);
    for (let failure = 0; failure < 3; failure++) {
      expect(limiter.isLimited('a')).toBe(false);
      limiter.recordFailure('a');
    }
    expect(limiter.isLimited('a')).toBe(true);
    expect(limiter.retryAfterMs('a')).toBe(20_000);
    expect(limiter.isLimited('b')).toBe(false);
    clock.advance(19_999);
    expect(limiter.isLimited('a')).toBe(true);
    clock.advance(1);
    expect(limiter.isLimited('a')).toBe(false);
    limiter.recordFailure('a');
    expect(limiter.isLimited('a')).toBe(true);
    clock.advance(600_000);
    expect(limiter.retryAfterMs('a')).toBe(0);
  });
});
