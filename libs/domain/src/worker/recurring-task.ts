import { LogField } from '../logging/log-fields';
import type { Logger } from '../ports/logger.port';

/** Stops a recurring task; a run in progress finishes on its own. */
export type StopRecurring = () => void;

/**
 * Runs `task` every `periodMs` (the timer does not keep the process alive); a failure is logged as
 * `what` and the next period runs as usual.
 */
export function every(periodMs: number, what: string, task: () => Promise<void>, logger: Logger): StopRecurring {
  const timer = setInterval(() => {
    task().catch((error: unknown) => logger.warn(`${what} failed`, { [LogField.Error]: String(error) }));
  }, periodMs);
  timer.unref();
  return () => clearInterval(timer);
}
