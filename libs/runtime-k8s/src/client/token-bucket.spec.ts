import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  async function granted(bucket: TokenBucket, count: number): Promise<boolean[]> {
    const flags = Array.from({ length: count }, () => false);
    Array.from({ length: count }, (_, i) => void bucket.take().then(() => (flags[i] = true)));
    await jest.advanceTimersByTimeAsync(0);
    return flags;
  }

  it('lets a burst through at once, then paces at qps', async () => {
    const bucket = new TokenBucket(10, 3);
    const flags = await granted(bucket, 5);
    expect(flags).toEqual([true, true, true, false, false]);
    await jest.advanceTimersByTimeAsync(100);
    expect(flags).toEqual([true, true, true, true, false]);
    await jest.advanceTimersByTimeAsync(100);
    expect(flags).toEqual([true, true, true, true, true]);
  });

  it('refills up to the burst while idle', async () => {
    const bucket = new TokenBucket(100, 2);
    await granted(bucket, 2);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(await granted(bucket, 3)).toEqual([true, true, false]);
  });

  it('gives no token to a caller whose signal aborted while it waited: the next one goes in its place', async () => {
    const bucket = new TokenBucket(10, 1);
    const abort = new AbortController();
    const flags = [false, false, false];
    void bucket.take().then(() => (flags[0] = true));
    void bucket.take(abort.signal).then(() => (flags[1] = true));
    void bucket.take().then(() => (flags[2] = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(flags).toEqual([true, false, false]);
    abort.abort();
    await jest.advanceTimersByTimeAsync(100);
    expect(flags).toEqual([true, true, true]);
  });

  it('does not limit with a non-positive qps', async () => {
    expect((await granted(new TokenBucket(0, 0), 50)).every(Boolean)).toBe(true);
  });
});
