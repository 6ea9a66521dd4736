import type { MaestroApi } from '../api/maestro-api';
import { FINAL_OPERATION_STATUSES, type OperationJson } from '../api/wire-types';
import { CliError } from '../errors';

/** How a wait polls the API and when it gives up. */
export interface WaitOptions {
  pollMs: number;
  /** Epoch ms after which the wait fails. */
  deadline: number;
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** History lines every operation gets from the runner (Maestro's), which say nothing of the cause. */
const RUNNER_LINES = new Set([
  'Created',
  'Starting operation',
  'operation execution failed',
  'context canceled',
  'Starting operation rollback',
  'Operation rollback flow execution finished with success',
  'Operation finished',
]);

/** The error an operation ended with: its last history line besides the runner's own, where executors write it. */
export function operationError(op: OperationJson): string {
  const events = op.executionHistory.map((h) => h.event).filter((e) => e && !RUNNER_LINES.has(e));
  return events.at(-1) ?? `operation ${op.status}`;
}

/**
 * Polls the operation until its status is final, calling `onStatus` at every new status; throws
 * a CliError with the operation's error when it ends other than `finished`.
 */
export async function waitOperation(
  api: MaestroApi,
  scheduler: string,
  id: string,
  options: WaitOptions,
  onStatus: (op: OperationJson) => void,
): Promise<OperationJson> {
  let last = '';
  for (;;) {
    const op = await api.operation(scheduler, id);
    if (op.status !== last) {
      last = op.status;
      onStatus(op);
    }
    if (FINAL_OPERATION_STATUSES.includes(op.status)) {
      if (op.status !== 'finished') throw new CliError(`operation ${op.definitionName} ${op.id} ${op.status}: ${operationError(op)}`);
      return op;
    }
    if (options.now() > options.deadline) throw new CliError(`timed out waiting for operation ${op.definitionName} ${op.id} (still ${op.status})`);
    await options.sleep(options.pollMs);
  }
}

const SWITCH_ENQUEUED = /enqueued switch active version operation with id: (\S+)/;

/** The switch_active_version that a finished create_new_scheduler_version enqueued, if any. */
export function enqueuedSwitch(op: OperationJson): string | undefined {
  for (const { event } of op.executionHistory) {
    const match = SWITCH_ENQUEUED.exec(event);
    if (match) return match[1];
  }
  return undefined;
}
