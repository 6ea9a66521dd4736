import { LogField } from '../logging/log-fields';
import type { Logger } from '../ports/logger.port';
import type { SchedulerLock } from '../ports/scheduler-lock.port';
import type { OperationRunner } from '../services/operation-runner';

/** How long the scheduler lock lasts without renewal (renewed every third of it). */
export const SCHEDULER_LOCK_TTL_MS = 10_000;
const ACQUIRE_RETRY_MS = 100;

/**
 * Runs one delivered operation while holding the scheduler's lock, so that at most one operation of
 * a scheduler executes across every worker process (invariant 1). Waits for the lock when another
 * process holds it; a crash of the runner is logged, never thrown into the queue.
 */
export class LockedExecution {
  constructor(
    private readonly schedulerName: string,
    private readonly owner: string,
    private readonly ports: { lock: SchedulerLock; runner: OperationRunner; logger: Logger },
  ) {}

  async execute(operationId: string): Promise<void> {
    const { lock, runner, logger } = this.ports;
    const name = this.schedulerName;
    while (!(await lock.tryAcquire(name, this.owner, SCHEDULER_LOCK_TTL_MS))) {
      await new Promise((resolve) => setTimeout(resolve, ACQUIRE_RETRY_MS));
    }
    // A renewal that reports the lock lost stops the operation at once: another replica may hold the
    // lock now (invariant 1). A renewal that fails (Redis unreachable) is retried at the next tick;
    // the lock lasts a TTL, so two more attempts come before it can expire.
    const renewal = setInterval(() => {
      lock.renew(name, this.owner, SCHEDULER_LOCK_TTL_MS).then(
        (held) => {
          if (held) return;
          logger.error('scheduler lock lost; the running operation is aborted', { [LogField.OperationId]: operationId });
          runner.abort(operationId, 'lock_lost');
        },
        (error: unknown) => logger.warn('scheduler lock renewal failed', { [LogField.Error]: String(error) }),
      );
    }, SCHEDULER_LOCK_TTL_MS / 3);
    try {
      await runner.run(name, operationId);
    } catch (error) {
      logger.error('operation execution crashed', { [LogField.OperationId]: operationId, [LogField.Error]: String(error) });
    } finally {
      clearInterval(renewal);
      await lock.release(name, this.owner);
    }
  }
}
