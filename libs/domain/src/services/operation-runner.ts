import type { Operation } from '../entities/operation';
import { isNotFound } from '../errors/domain-error';
import { messageOf } from '../errors/message-of';
import { LogField } from '../logging/log-fields';
import type { ExecutionContext } from '../operations/operation-executor';
import type { OperationRegistry, RegisteredOperation } from '../operations/operation-registry';
import type { Clock } from '../ports/clock.port';
import type { Logger } from '../ports/logger.port';
import type { OperationLease } from '../ports/operation-lease.port';
import type { OperationStorage } from '../ports/operation-storage.port';

export interface OperationRunnerPorts {
  storage: OperationStorage;
  lease: OperationLease;
  /** Every operation's definition (to read its input) and executor. */
  registry: OperationRegistry;
  clock: Clock;
  logger: Logger;
}

export interface OperationRunnerOptions {
  /** Lease TTL and renewal period (`services.operationManager.operationLeaseTTLMillis`). */
  leaseTtlMs: number;
}

/** How many times a lease is renewed during one TTL. */
const LEASE_RENEWALS_PER_TTL = 3;

/** Attempts at the final status write (and the definition write before it), a short pause apart. */
const FINAL_WRITE_ATTEMPTS = 3;
const FINAL_WRITE_RETRY_MS = 100;

/** The history line of an operation ended because nothing runs it any more (the reconciler's too). */
export const RECOVERED_LINE = 'Operation recovered: its worker stopped before it finished (lease expired)';

/**
 * Why an operation's context was aborted: a user's cancel, the worker stopping, the worker losing
 * the scheduler's lock (another replica may run the scheduler's operations now), or the reconciler
 * having ended the operation (its lease expired while it ran: nothing may take it for running).
 */
export type AbortReason = 'canceled' | 'worker_stopping' | 'lock_lost' | 'recovered';

/** The status and history line of an execution that threw, by why its context was aborted (if it was). */
function endingOf(signal: AbortSignal): { status: 'canceled' | 'error'; line: string } {
  if (!signal.aborted) return { status: 'error', line: 'operation execution failed' };
  const reason = signal.reason as AbortReason;
  switch (reason) {
    // Maestro's lines: a stopping worker aborts with the context's error...
    case 'worker_stopping':
      return { status: 'canceled', line: 'context canceled' };
    // ...and a user's cancel takes the failure path (the status stays canceled: docs/compatibility/domain.md).
    case 'canceled':
      return { status: 'canceled', line: 'operation execution failed' };
    case 'lock_lost':
      return { status: 'error', line: 'operation aborted: this worker lost the scheduler lock' };
    case 'recovered':
      return { status: 'error', line: 'operation aborted: its lease expired and the reconciler ended it' };
  }
}

/**
 * Executes one operation following Maestro's lifecycle (operations.md section 4): status checks,
 * lease grant and renewal, execute, rollback on failure, finish. Cancel requests abort it.
 */
export class OperationRunner {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly ports: OperationRunnerPorts,
    private readonly options: OperationRunnerOptions,
  ) {}

  /** Aborts the running operation of this process with that id; false when it does not run here. */
  abort(operationId: string, reason: AbortReason): boolean {
    const controller = this.running.get(operationId);
    if (!controller) return false;
    controller.abort(reason);
    return true;
  }

  /** Aborts every operation this process runs (worker shutdown). */
  abortAll(): void {
    for (const controller of this.running.values()) controller.abort('worker_stopping' satisfies AbortReason);
  }

  /** Runs the operation to a final status and answers it as stored then; never throws for execution failures. */
  async run(schedulerName: string, operationId: string): Promise<Operation | undefined> {
    const logger = this.ports.logger.child({ [LogField.SchedulerName]: schedulerName, [LogField.OperationId]: operationId });
    // operations.md 4 step 1: load the operation and decode its input; either failing skips it.
    let operation: Operation;
    try {
      operation = await this.ports.storage.getOperation(schedulerName, operationId);
    } catch (error) {
      logger.error('operation could not be loaded; skipped', { [LogField.Error]: messageOf(error) });
      return undefined;
    }
    // Not in Maestro (ARCHITECTURE.md invariant 2): the operation of a dead worker, recovered without reading its input.
    if (operation.status === 'in_progress') return this.recover(operation, logger);
    const decoded = this.decode(operation, logger);
    if (!decoded) return undefined;
    const { registered, input } = decoded;
    // Step 2: only a pending operation runs (one canceled while queued is skipped).
    if (operation.status !== 'pending') {
      logger.warn('operation is not pending; skipped', { status: operation.status });
      return operation;
    }
    const history = (event: string) => this.ports.storage.appendExecutionHistory(schedulerName, operationId, event, this.ports.clock.now());

    // Step 3, eviction, never happens: every name that decodes has an executor, and should-execute
    // is always true in v10 (operations.md 4 step 3).
    const { definition, executor } = registered;
    await history('Starting operation');
    try {
      await this.ports.lease.grantLease(schedulerName, operationId, this.options.leaseTtlMs);
    } catch (error) {
      await history(`Failed to grant lease to operation, reason: ${messageOf(error)}`);
      await this.ports.storage.updateOperationStatus({ ...operation, status: 'error' });
      return { ...operation, status: 'error' };
    }
    let started: boolean;
    try {
      started = await this.ports.storage.updateOperationStatus({ ...operation, status: 'in_progress' }, { expected: 'pending' });
    } catch (error) {
      return this.failStart(operation, error, history, logger);
    }
    if (!started) {
      // Canceled between the status check and the start: nothing ran.
      await this.revoke(schedulerName, operationId, logger);
      return this.ports.storage.getOperation(schedulerName, operationId);
    }

    const controller = new AbortController();
    this.running.set(operationId, controller);
    // Renewed three times per TTL to now + TTL: a live lease never reaches its expiry, even when one
    // renewal fails (Maestro renews once per TTL by adding a TTL, so a lease reads as expired at each
    // renewal and for good after a missed one).
    const renewal = setInterval(() => {
      this.ports.lease
        .renewLease(schedulerName, operationId, this.options.leaseTtlMs)
        .catch((error: unknown) => logger.warn('lease renewal failed', { [LogField.Error]: messageOf(error) }));
    }, this.options.leaseTtlMs / LEASE_RENEWALS_PER_TTL);
    const context: ExecutionContext<unknown> = {
      operation: { ...operation, status: 'in_progress' },
      input,
      signal: controller.signal,
      logger,
      appendHistory: history,
    };
    let final: Operation;
    let noAction: boolean | undefined;
    try {
      const result = (await executor.execute(context)) ?? {};
      const input = result.input === undefined ? operation.input : definition.toJson(result.input);
      final = { ...operation, status: result.failed ? 'error' : 'finished', input };
      noAction = result.noAction;
    } catch (error) {
      // Not in Maestro: a history write failing here must not skip the rollback nor the final status.
      const note = (event: string) =>
        history(event).catch((historyError: unknown) => logger.warn('history line not written', { [LogField.Error]: messageOf(historyError) }));
      const ending = endingOf(controller.signal);
      final = { ...operation, status: ending.status };
      await note(ending.line);
      await note('Starting operation rollback');
      try {
        await executor.rollback(context, error);
        await note('Operation rollback flow execution finished with success');
      } catch (rollbackError) {
        await note(`Operation rollback flow execution failed, reason: ${messageOf(rollbackError)}`);
      }
    } finally {
      clearInterval(renewal);
      this.running.delete(operationId);
    }
    return this.finish(final, noAction, history, logger);
  }

  /**
   * Step 9: writes the definition and the final status (each retried), revokes the lease, then the
   * last history line. The status write is conditional on `in_progress`, so an operation the
   * reconciler ended meanwhile keeps its end. Nothing here throws: when the status cannot be
   * written, the lease is still revoked (or, if Redis is gone, expires as it is no longer renewed)
   * and the reconciler ends the operation `error` (docs/architecture.md, invariant 2).
   */
  private async finish(final: Operation, noAction: boolean | undefined, history: (event: string) => Promise<void>, logger: Logger): Promise<Operation> {
    const { storage } = this.ports;
    const { schedulerName, id } = final;
    if (final.status === 'finished') {
      await this.retried(() => storage.updateOperationDefinition(final)).catch((error: unknown) =>
        logger.error('operation definition not written', { [LogField.Error]: messageOf(error) }),
      );
    }
    const written = await this.retried(() => storage.updateOperationStatus(final, { expected: 'in_progress', noAction })).catch((error: unknown) => {
      logger.error('final status not written; the reconciler ends the operation', { [LogField.Error]: messageOf(error) });
      return false;
    });
    await this.revoke(schedulerName, id, logger);
    if (written) {
      await history('Operation finished').catch((error: unknown) => logger.warn('history line not written', { [LogField.Error]: messageOf(error) }));
    }
    return storage.getOperation(schedulerName, id).catch(() => final);
  }

  /** Runs `write` up to FINAL_WRITE_ATTEMPTS times, a growing pause apart; rejects with the last error. */
  private async retried<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await write();
      } catch (error) {
        if (attempt >= FINAL_WRITE_ATTEMPTS || isNotFound(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, FINAL_WRITE_RETRY_MS * attempt));
      }
    }
  }

  /**
   * Step 1 of operations.md 4: the operation's definition reads its input. An unknown definition name
   * or an input that does not parse is logged as an error and the operation skipped: its status is
   * not touched (its id has already left the queue).
   */
  private decode(operation: Operation, logger: Logger): { registered: RegisteredOperation<unknown>; input: unknown } | undefined {
    const fields = { [LogField.OperationDefinition]: operation.definitionName };
    const registered = this.ports.registry.get(operation.definitionName);
    if (!registered) {
      logger.error('operation has an unknown definition name; skipped', fields);
      return undefined;
    }
    try {
      return { registered, input: registered.definition.parse(operation.input) };
    } catch (error) {
      logger.error('operation input could not be decoded; skipped', { ...fields, [LogField.Error]: messageOf(error) });
      return undefined;
    }
  }

  /**
   * An operation delivered again while `in_progress`: its worker died. Once its lease has expired
   * it is ended as error with a history entry; the health controller reconciles what it left.
   */
  private async recover(operation: Operation, logger: Logger): Promise<Operation> {
    const { schedulerName, id } = operation;
    for (;;) {
      const lease = await this.ports.lease.findLease(schedulerName, id);
      if (!lease || lease.ttl.getTime() <= this.ports.clock.now().getTime()) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, this.options.leaseTtlMs)));
      const current = await this.ports.storage.getOperation(schedulerName, id);
      if (current.status !== 'in_progress') return current;
    }
    const recovered = { ...operation, status: 'error' as const };
    const ended = await this.ports.storage.updateOperationStatus(recovered, { expected: 'in_progress' });
    if (ended) {
      await this.ports.storage.appendExecutionHistory(schedulerName, id, RECOVERED_LINE, this.ports.clock.now());
      await this.revoke(schedulerName, id, logger);
      logger.warn('recovered an operation whose worker died');
    }
    return this.ports.storage.getOperation(schedulerName, id);
  }

  /**
   * The `in_progress` write failed: the operation ends `error` (conditionally, so a cancel that won
   * the race keeps its status) with Maestro's history line, and its lease is revoked so that it
   * blocks nothing. Nothing ran, so there is no rollback and no `Operation finished` line.
   */
  private async failStart(operation: Operation, cause: unknown, history: (event: string) => Promise<void>, logger: Logger): Promise<Operation> {
    const { schedulerName, id } = operation;
    logger.error('operation could not be started', { [LogField.Error]: messageOf(cause) });
    const failed = { ...operation, status: 'error' as const };
    await history(`Failed to start operation, reason: ${messageOf(cause)}`).catch(() => undefined);
    await this.ports.storage
      .updateOperationStatus(failed, { expected: 'pending' })
      .catch((error: unknown) => logger.error('failed operation start could not be recorded', { [LogField.Error]: messageOf(error) }));
    await this.revoke(schedulerName, id, logger);
    return this.ports.storage.getOperation(schedulerName, id).catch(() => failed);
  }

  private async revoke(schedulerName: string, operationId: string, logger: Logger): Promise<void> {
    await this.ports.lease.revokeLease(schedulerName, operationId).catch((error: unknown) => {
      if (!isNotFound(error)) logger.warn('lease revoke failed', { [LogField.Error]: messageOf(error) });
    });
  }
}
