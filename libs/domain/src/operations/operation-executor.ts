import type { Operation } from '../entities/operation';
import type { Logger } from '../ports/logger.port';

/** What an executor gets while it runs one operation. */
export interface ExecutionContext {
  readonly operation: Operation;
  /** Aborted when the operation is canceled or the worker stops; every wait must honour it. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Appends a line to the operation's execution history, persisted at once. */
  appendHistory(event: string): Promise<void>;
}

/** What a successful execution reports back. */
export interface ExecutionResult {
  /** The input to store as the operation's definition (e.g. a capped amount, `took_action`). */
  input?: Record<string, unknown>;
  /** "No action" operations go to the no-action list and are hidden from the final listing. */
  noAction?: boolean;
}

/** Executes one kind of operation (by definition name) and rolls it back on failure. */
export interface OperationExecutor {
  /** The definition name this executor handles (e.g. `add_rooms`). */
  readonly name: string;
  /** Runs the operation; throws to fail it (the history should already say why). */
  execute(context: ExecutionContext): Promise<ExecutionResult | void>;
  /** Undoes what a failed or canceled execution left behind; throws if that fails. */
  rollback(context: ExecutionContext, cause: unknown): Promise<void>;
}
