import type { Operation } from '../entities/operation';
import type { Logger } from '../ports/logger.port';
import type { OperationName } from './operation-names';

/** What an executor gets while it runs one operation. */
export interface ExecutionContext<Input> {
  readonly operation: Operation;
  /** The operation's input, read by its definition before it runs (operations.md 4, step 1). */
  readonly input: Input;
  /** Aborted when the operation is canceled or the worker stops; every wait must honour it. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Appends a line to the operation's execution history, persisted at once. */
  appendHistory(event: string): Promise<void>;
}

/** What a successful execution reports back. */
export interface ExecutionResult<Input> {
  /** The input to store again as the operation's definition (e.g. a capped amount, `took_action`). */
  input?: Input;
  /** "No action" operations go to the no-action list and are hidden from the final listing. */
  noAction?: boolean;
  /**
   * Not in Maestro: the execution ran to its end but reports a failure it handled itself (its
   * history says which), so the operation ends `error`, without a rollback.
   */
  failed?: boolean;
}

/** Executes one kind of operation and rolls it back on failure. */
export interface OperationExecutor<Input> {
  /** The definition name this executor handles (e.g. `add_rooms`). */
  readonly name: OperationName;
  /** Runs the operation; throws to fail it (the history should already say why). */
  execute(context: ExecutionContext<Input>): Promise<ExecutionResult<Input> | void>;
  /** Undoes what a failed or canceled execution left behind; throws if that fails. */
  rollback(context: ExecutionContext<Input>, cause: unknown): Promise<void>;
}
