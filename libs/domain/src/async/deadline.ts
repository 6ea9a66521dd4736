import { canceledError } from './cancellation';

/**
 * Runs `task` with a signal that aborts when `parent` aborts or after `ms`, whichever comes first.
 * The reasons are Errors: `timeoutReason()` for the deadline, `context canceled` (Go's text, as
 * every interrupted step of an operation) for a parent aborted with anything else. The timer and the link to `parent` end with the task.
 */
export async function withDeadline<T>(parent: AbortSignal, ms: number, timeoutReason: () => Error, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent.reason instanceof Error ? parent.reason : canceledError());
  if (parent.aborted) onParentAbort();
  else parent.addEventListener('abort', onParentAbort, { once: true });
  const timer = setTimeout(() => controller.abort(timeoutReason()), ms);
  try {
    return await task(controller.signal);
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
  }
}
