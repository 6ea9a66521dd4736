import { LogField } from '../logging/log-fields';
import type { Logger } from '../ports/logger.port';

/** Stops a recurring task; a run in progress finishes on its own. */
export type StopRecurring = () => void;

/**
 * Runs `task` every `periodMs` (the timers do not keep the process alive); a failure is logged as
 * `what` and the next period runs as usual. With `phaseMs`, the first run comes after `phaseMs`
 * and the next ones every period from there (tasks of many schedulers spread over the period).
 */
export function every(periodMs: number, what: string, task: () => Promise<void>, logger: Logger, phaseMs = 0): StopRecurring {
  const run = () => void task().catch((error: unknown) => logger.warn(`${what} failed`, { [LogField.Error]: String(error) }));
  let interval: NodeJS.Timeout | undefined;
  const repeat = () => {
    interval = setInterval(run, periodMs);
    interval.unref();
  };
  if (phaseMs <= 0) {
    repeat();
    return () => clearInterval(interval);
  }
  const first = setTimeout(() => {
    run();
    repeat();
  }, phaseMs);
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(interval);
  };
}
