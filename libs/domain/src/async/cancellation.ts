/** The error of a step interrupted by the operation's cancellation: Go's `context.Canceled` text. */
export const canceledError = (): Error => new Error('context canceled');

/** Throws `context canceled` when the signal has aborted. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw canceledError();
}
