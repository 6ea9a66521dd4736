import { effectiveKeepAliveTimeMs } from './channel-pool';

describe('forwarder keepalive time', () => {
  it.each([
    [0, 15_000],
    [1, 10_000],
    [5_000, 10_000],
    [10_000, 10_000],
    [30_000, 30_000],
  ])('a configured %p ms pings every %p ms, as Maestro does', (configured, effective) => {
    expect(effectiveKeepAliveTimeMs(configured)).toBe(effective);
  });
});
