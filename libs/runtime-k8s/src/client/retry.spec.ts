import { isRetryableApiError } from './api-errors';
import { waitFor } from '@maestro/testing';
import { abortableSleep, retryDelayMs, withRetry } from './retry';
import { CREATE_POD_RETRY } from '../kubernetes.runtime';

const apiError = (code: number) => Object.assign(new Error(`HTTP ${code}`), { code });

describe('pod creation retry policy (runtime-kubernetes.md 3.4)', () => {
  it('is 4 attempts, 10 ms x 5^n with 10 % jitter', () => {
    expect(CREATE_POD_RETRY).toMatchObject({ attempts: 4, baseMs: 10, factor: 5, jitter: 0.1 });
    expect([1, 2, 3].map((n) => retryDelayMs(CREATE_POD_RETRY, n, () => 0))).toEqual([10, 50, 250]);
    expect(retryDelayMs(CREATE_POD_RETRY, 2, () => 1)).toBeCloseTo(55);
  });

  it.each([429, 500, 503, 504])('retries %d', (code) => {
    expect(isRetryableApiError(apiError(code))).toBe(true);
  });

  it.each([400, 403, 404, 409, 422, 501])('does not retry %d', (code) => {
    expect(isRetryableApiError(apiError(code))).toBe(false);
  });

  it('does not retry errors without a status code', () => {
    expect(isRetryableApiError(new Error('socket hang up'))).toBe(false);
  });
});

describe('withRetry', () => {
  const sleeps: number[] = [];
  const sleep = async (ms: number) => void sleeps.push(ms);
  beforeEach(() => (sleeps.length = 0));

  it('retries until success', async () => {
    let calls = 0;
    const result = await withRetry(CREATE_POD_RETRY, async () => (++calls < 3 ? Promise.reject(apiError(503)) : 'ok'), { sleep });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    await expect(withRetry(CREATE_POD_RETRY, async () => (calls++, Promise.reject(apiError(429))), { sleep })).rejects.toMatchObject({ code: 429 });
    expect(calls).toBe(4);
    expect(sleeps).toHaveLength(3);
    [10, 50, 250].forEach((base, i) => {
      expect(sleeps[i]).toBeGreaterThanOrEqual(base);
      expect(sleeps[i]).toBeLessThanOrEqual(base * 1.1);
    });
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(withRetry(CREATE_POD_RETRY, async () => (calls++, Promise.reject(apiError(422))), { sleep })).rejects.toMatchObject({ code: 422 });
    expect(calls).toBe(1);
  });

  it('starts no attempt once aborted', async () => {
    const reason = new Error('room creation timed out');
    let calls = 0;
    await expect(withRetry(CREATE_POD_RETRY, async () => ++calls, { signal: AbortSignal.abort(reason), sleep })).rejects.toBe(reason);
    expect(calls).toBe(0);
  });

  it('stops retrying when aborted during the wait between attempts', async () => {
    const controller = new AbortController();
    const reason = new Error('room creation timed out');
    let calls = 0;
    const abortingSleep = async () => void controller.abort(reason);
    await expect(
      withRetry(CREATE_POD_RETRY, async () => (calls++, Promise.reject(apiError(503))), { signal: controller.signal, sleep: abortingSleep }),
    ).rejects.toBe(reason);
    expect(calls).toBe(1);
  });

  it('ends the wait between attempts as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('operation canceled');
    let calls = 0;
    let waiting = false;
    const slow = { ...CREATE_POD_RETRY, baseMs: 600_000 };
    const sleepLong = (ms: number, signal?: AbortSignal) => ((waiting = true), abortableSleep(ms, signal));
    const retrying = withRetry(slow, async () => (calls++, Promise.reject(apiError(503))), { signal: controller.signal, sleep: sleepLong });
    await waitFor(() => waiting, { description: 'the wait after the first attempt' });
    controller.abort(reason);
    await expect(retrying).rejects.toBe(reason);
    expect(calls).toBe(1);
  });

  it('rethrows the error of the attempt that was in flight when the signal aborted, without retrying', async () => {
    const controller = new AbortController();
    let calls = 0;
    const attempt = async () => {
      calls++;
      controller.abort(new Error('timed out'));
      throw apiError(503);
    };
    await expect(withRetry(CREATE_POD_RETRY, attempt, { signal: controller.signal, sleep })).rejects.toMatchObject({ code: 503 });
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });
});
