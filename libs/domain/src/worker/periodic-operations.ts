import type { OperationDefinition } from '../operations/operation-definition';
import type { OperationFlow } from '../ports/operation-flow.port';
import type { SchedulerLock } from '../ports/scheduler-lock.port';
import type { OperationManager } from '../services/operation-manager';

/** Share of a periodic operation's period that a replica's claim of it lasts (room for timer drift). */
export const PERIOD_CLAIM_SHARE = 0.8;

export interface PeriodicOperationsPorts {
  lock: SchedulerLock;
  flow: OperationFlow;
  operations: OperationManager;
}

/**
 * Enqueues a scheduler's periodic operations (health controller, storage clean-up) once per period
 * across every replica: the replica that claims the period first enqueues it, and not while one of
 * the same kind is still waiting in the queue.
 */
export class PeriodicOperations {
  constructor(
    private readonly schedulerName: string,
    private readonly owner: string,
    private readonly ports: PeriodicOperationsPorts,
  ) {}

  /** Enqueues the operation with `input`, unless this period was claimed already or one of its kind is still pending. */
  async enqueueOnce<Input>(definition: OperationDefinition<Input>, input: NoInfer<Input>, periodMs: number): Promise<void> {
    const { lock, flow, operations } = this.ports;
    const name = this.schedulerName;
    if (!(await lock.claimPeriod(name, definition.name, this.owner, Math.floor(periodMs * PERIOD_CLAIM_SHARE)))) return;
    const pendingIds = await flow.listPendingOperationIds(name);
    const pending = await Promise.all(pendingIds.map((id) => operations.findOperation(name, id)));
    if (pending.some((op) => op?.definitionName === definition.name && op.status === 'pending')) return;
    await operations.createOperation(name, definition, input);
  }
}
