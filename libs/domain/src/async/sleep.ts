import { canceledError } from './cancellation';

/** Resolves after `ms`, or rejects with `context canceled` when the signal aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(canceledError());
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(canceledError());
      },
      { once: true },
    );
  });
}
