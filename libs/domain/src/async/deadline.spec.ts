import { withDeadline } from './deadline';

/** A task that ends only when its signal aborts, with the reason. */
const untilAborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason));
  });

describe('withDeadline', () => {
  const timedOut = () => new Error('room creation timed out after 20 ms');

  it('aborts the task at the deadline with the timeout reason', async () => {
    await expect(withDeadline(new AbortController().signal, 20, timedOut, untilAborted)).rejects.toThrow('room creation timed out after 20 ms');
  });

  it('aborts the task with the parent, naming a non-Error reason as a cancellation', async () => {
    const parent = new AbortController();
    const running = withDeadline(parent.signal, 60_000, timedOut, untilAborted);
    parent.abort('canceled');
    await expect(running).rejects.toThrow('context canceled');
  });

  it('passes on the parent reason when it is an Error, also when the parent aborted before', async () => {
    const reason = new Error('worker stopping');
    await expect(withDeadline(AbortSignal.abort(reason), 60_000, timedOut, untilAborted)).rejects.toBe(reason);
  });

  it('returns what the task returns and lets go of the parent', async () => {
    const parent = new AbortController();
    let seen: AbortSignal | undefined;
    expect(await withDeadline(parent.signal, 60_000, timedOut, async (signal) => ((seen = signal), 'done'))).toBe('done');
    parent.abort('canceled');
    expect(seen?.aborted).toBe(false);
  });
});
