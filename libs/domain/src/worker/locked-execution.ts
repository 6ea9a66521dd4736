import { LogField } from '../logging/log-fields';
import type { Logger } from '../ports/logger.port';
import type { SchedulerLock } from '../ports/scheduler-lock.port';
import type { OperationRunner } from '../services/operation-runner';

/** How long the scheduler lock lasts without renewal (renewed every third of it). */
export const SCHEDULER_LOCK_TTL_MS = 10_000;
const ACQUIRE_RETRY_MS = 100;
/**
 * Failed attempts in a row at the lock (Redis errors) after which a delivery is given up: its
 * operation stays `pending` and the reconciler queues it again (the pauses double from
 * ACQUIRE_RETRY_MS, about 1.5 s in all).
 */
export const LOCK_WAIT_ATTEMPTS = 5;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one delivered operation while holding the scheduler's lock, so that at most one operation of
 * a scheduler executes across every worker process (invariant 1). Waits for the lock when another
 * process holds it. Nothing is thrown into the queue (a failed Bull job is dropped): a crash of the
 * runner is logged, and a lock wait that keeps failing is given up, leaving the operation pending
 * for the reconciler.
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
    if (!(await this.acquire(operationId))) return;
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
      // The lock expires on its own if this fails.
      await lock.release(name, this.owner).catch((error: unknown) => logger.warn('scheduler lock release failed', { [LogField.Error]: String(error) }));
    }
  }

  /** Waits for the scheduler's lock; false when the wait failed LOCK_WAIT_ATTEMPTS times in a row. */
  private async acquire(operationId: string): Promise<boolean> {
    const { lock, logger } = this.ports;
    for (let failures = 0; ;) {
      try {
        if (await lock.tryAcquire(this.schedulerName, this.owner, SCHEDULER_LOCK_TTL_MS)) return true;
        failures = 0;
        await pause(ACQUIRE_RETRY_MS);
      } catch (error) {
        failures += 1;
        const fields = { [LogField.OperationId]: operationId, [LogField.Error]: String(error) };
        if (failures >= LOCK_WAIT_ATTEMPTS) {
          logger.error('scheduler lock wait failed; the operation is left pending for the reconciler', fields);
          return false;
        }
        logger.warn('scheduler lock wait failed; retrying', fields);
        await pause(ACQUIRE_RETRY_MS * 2 ** (failures - 1));
      }
    }
  }
}
