import type { Logger } from 'pino';
import type { RunningApp } from './bootstrap';
import { PINO } from './platform.module';

export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/**
 * How an app process stops, as Maestro's does: on SIGTERM (docker stop, Kubernetes) or SIGINT, both
 * servers close (requests in flight get api.gracefulShutdownTimeout, then the modules' shutdown
 * hooks run: the worker's operations get workers.stopTimeoutDuration) and the process exits 0,
 * or 1 when closing failed. A second signal while it closes changes nothing.
 */
export function exitOnSignals(running: RunningApp, exit: (code: number) => void = (code) => process.exit(code), signals: SignalSource = process): void {
  const logger = running.app.get<Logger>(PINO);
  let closing = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'stopping');
    void running.close().then(
      () => {
        logger.info('stopped');
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        exit(1);
      },
    );
  };
  signals.on('SIGTERM', stop);
  signals.on('SIGINT', stop);
}
