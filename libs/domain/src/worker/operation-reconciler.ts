import type { OperationStatus } from '../entities/operation';
import { isNotFound } from '../errors/domain-error';
import { messageOf } from '../errors/message-of';
import { LogField } from '../logging/log-fields';
import type { Clock } from '../ports/clock.port';
import type { Logger } from '../ports/logger.port';
import type { OperationFlow } from '../ports/operation-flow.port';
import type { OperationLease } from '../ports/operation-lease.port';
import type { OperationStorage } from '../ports/operation-storage.port';
import type { SchedulerLock } from '../ports/scheduler-lock.port';
import { type OperationRunner, RECOVERED_LINE } from '../services/operation-runner';
import { PERIOD_CLAIM_SHARE } from './periodic-operations';

/** Name of the reconciliation's period claim (`scheduler:<s>:periodClaim:<task>`). */
export const RECONCILIATION_TASK = 'operation_reconciliation';

export interface OperationReconcilerPorts {
  storage: OperationStorage;
  flow: OperationFlow;
  lease: OperationLease;
  lock: SchedulerLock;
  clock: Clock;
  logger: Logger;
  /** This process's runner: an operation it still runs is aborted when the reconciler ends it. */
  runner?: Pick<OperationRunner, 'abort'>;
}

export interface OperationReconcilerOptions {
  /**
   * A pending operation younger than this is left alone: it may be between its record's write and
   * its enqueue (re-queued at the tail then, a priority operation would lose its place).
   */
  pendingGraceMs: number;
  /**
   * How long past its expiry a lease must be for its operation to be taken for abandoned. Expiries
   * are whole seconds and a renewal may come a third of a TTL late, so a live lease can read as
   * expired for a moment; give at least a second and a third of the lease TTL.
   */
  leaseGraceMs: number;
}

/** What one pass did. */
export interface Reconciliation {
  requeued: string[];
  recovered: string[];
}

/**
 * Level-triggered recovery of a scheduler's operations, as a Kubernetes controller: every record
 * that is not final must be queued (pending) or run under a live lease (in progress). A pending
 * operation missing from the queue (its job failed or stalled out of Bull) is queued again, at the
 * tail; an operation in progress whose lease expired or is gone (its worker died, or its runner
 * could not write the end) is ended `error` with the recovery line and its lease revoked, and its run
 * aborted if this process still runs it; the health
 * controller then reconciles the rooms. Every write is conditional, so replicas and runners racing
 * it change nothing twice. One instance serves every scheduler of the process.
 */
export class OperationReconciler {
  constructor(
    private readonly ports: OperationReconcilerPorts,
    private readonly options: OperationReconcilerOptions,
  ) {}

  /**
   * One pass over the scheduler's operations, unless a replica (this one included) already claimed
   * this period of `periodMs`; resolves to what it did, or undefined when it was not its turn.
   */
  async reconcileOnce(schedulerName: string, owner: string, periodMs: number): Promise<Reconciliation | undefined> {
    const claimMs = Math.max(1, Math.floor(periodMs * PERIOD_CLAIM_SHARE));
    if (!(await this.ports.lock.claimPeriod(schedulerName, RECONCILIATION_TASK, owner, claimMs))) return undefined;
    return this.reconcile(schedulerName);
  }

  /** One pass over the scheduler's operations, unclaimed. */
  async reconcile(schedulerName: string): Promise<Reconciliation> {
    const logger = this.ports.logger.child({ [LogField.SchedulerName]: schedulerName });
    const requeued = await this.requeueLost(schedulerName, logger);
    const recovered = await this.endAbandoned(schedulerName, logger);
    return { requeued, recovered };
  }

  private async requeueLost(name: string, logger: Logger): Promise<string[]> {
    const { storage, flow, clock } = this.ports;
    const settledBefore = clock.now().getTime() - this.options.pendingGraceMs;
    const requeued: string[] = [];
    for (const operation of await storage.listPendingOperations(name)) {
      if (operation.createdAt.getTime() > settledBefore) continue;
      if (await flow.isQueued(name, operation.id)) continue;
      // Delivered and ended between the listing and the queue check: it is not pending any more.
      if (!(await this.stillIn(name, operation.id, 'pending'))) continue;
      await flow.insertOperationId(name, operation.id);
      requeued.push(operation.id);
      logger.warn('pending operation missing from the queue; queued again', { [LogField.OperationId]: operation.id });
    }
    return requeued;
  }

  private async endAbandoned(name: string, logger: Logger): Promise<string[]> {
    const { storage, lease, clock } = this.ports;
    const recovered: string[] = [];
    for (const operation of await storage.listActiveOperations(name)) {
      if (operation.status !== 'in_progress') continue;
      const expiry = await lease.fetchLease(name, operation.id).then(
        (found) => found.ttl.getTime(),
        (error: unknown) => {
          if (isNotFound(error)) return undefined;
          throw error;
        },
      );
      if (expiry !== undefined && expiry + this.options.leaseGraceMs > clock.now().getTime()) continue;
      const ended = await storage.updateOperationStatus({ ...operation, status: 'error' }, { expected: 'in_progress' });
      if (!ended) continue;
      recovered.push(operation.id);
      await storage
        .appendExecutionHistory(name, operation.id, RECOVERED_LINE, clock.now())
        .catch((error: unknown) => logger.warn('recovery line not written', { [LogField.OperationId]: operation.id, [LogField.Error]: messageOf(error) }));
      await lease.revokeLease(name, operation.id).catch((error: unknown) => {
        if (!isNotFound(error)) logger.warn('lease revoke failed', { [LogField.OperationId]: operation.id, [LogField.Error]: messageOf(error) });
      });
      // A runner of this process whose lease renewals failed (a Redis outage) must not go on with an ended operation.
      const aborted = this.ports.runner?.abort(operation.id, 'recovered') ?? false;
      logger.warn('ended an operation in progress whose lease expired or is missing', { [LogField.OperationId]: operation.id, aborted_local_run: aborted });
    }
    return recovered;
  }

  private async stillIn(name: string, operationId: string, status: OperationStatus): Promise<boolean> {
    const current = await this.ports.storage.findOperation(name, operationId);
    return current?.status === status;
  }
}
