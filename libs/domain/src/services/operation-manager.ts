import { randomUUID } from 'node:crypto';
import type { Operation, OperationListQuery, OperationPage } from '../entities/operation';
import { isFinalOperationStatus } from '../entities/operation';
import { AbortedError, NotFoundError, UnexpectedError, ignoreNotFound, isNotFound } from '../errors/domain-error';
import { messageOf } from '../errors/message-of';
import type { OperationDefinition } from '../operations/operation-definition';
import { SHORT_LIVED_OPERATIONS, VERSION_OPERATIONS } from '../operations/operation-names';
import type { Clock } from '../ports/clock.port';
import type { OperationCancellation, OperationFlow } from '../ports/operation-flow.port';
import type { OperationLease } from '../ports/operation-lease.port';
import type { OperationStorage } from '../ports/operation-storage.port';
import type { Requester } from '../ports/requester.port';
import type { SchedulerStorage } from '../ports/scheduler-storage.port';

export interface OperationManagerOptions {
  /** Expiry of the records of short-lived operations (health controller, add/remove rooms, clean-up). */
  operationsTtlMs: number;
  /**
   * Most operations the `pending` and `active` listings load and answer (Maestro lists them all);
   * DEFAULT_STAGE_LIST_LIMIT when absent. `total` still counts the whole pending queue.
   */
  stageListLimit?: number;
}

/** Default bound of the `pending` and `active` listings. */
export const DEFAULT_STAGE_LIST_LIMIT = 100;

export interface OperationManagerPorts {
  storage: OperationStorage;
  flow: OperationFlow;
  lease: OperationLease;
  cancellation: OperationCancellation;
  schedulers: SchedulerStorage;
  clock: Clock;
  /** Who asks for the operations created now (recorded as `requestedBy`); nobody when absent. */
  requester?: Requester;
}

/** Creates, lists and cancels operations: the API side of the operation model. */
export class OperationManager {
  constructor(
    private readonly ports: OperationManagerPorts,
    private readonly options: OperationManagerOptions,
  ) {}

  /** Stores a new pending operation and appends it to the scheduler's queue. */
  async createOperation<Input>(schedulerName: string, definition: OperationDefinition<Input>, input: NoInfer<Input>): Promise<Operation> {
    const operation = await this.store(schedulerName, definition, input);
    await this.ports.flow.insertOperationId(schedulerName, operation.id);
    return operation;
  }

  /** Stores a new pending operation and puts it at the head of the scheduler's queue. */
  async createPriorityOperation<Input>(schedulerName: string, definition: OperationDefinition<Input>, input: NoInfer<Input>): Promise<Operation> {
    const operation = await this.store(schedulerName, definition, input);
    await this.ports.flow.insertPriorityOperationId(schedulerName, operation.id);
    return operation;
  }

  /** The operation, or undefined when it is not stored (or expired). */
  findOperation(schedulerName: string, operationId: string): Promise<Operation | undefined> {
    return this.ports.storage.findOperation(schedulerName, operationId);
  }

  /** The operation; throws NotFoundError. */
  async getOperation(schedulerName: string, operationId: string): Promise<Operation> {
    try {
      return await this.ports.storage.getOperation(schedulerName, operationId);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      throw new NotFoundError(`operation ${operationId} not found in scheduler ${schedulerName}`, { cause: error });
    }
  }

  /** One stage of the scheduler's operations (management API `GET .../operations`). */
  async listOperations(schedulerName: string, query: OperationListQuery): Promise<OperationPage> {
    switch (query.stage) {
      case 'pending': {
        const { operations: pending, queued } = await this.listPending(schedulerName);
        const operations = sortByCreation(pending, query.sortOrder);
        // Past the bound, `total` tells how many wait in the queue; below it, the count listed (Maestro's).
        const total = queued > this.stageListLimit ? queued : operations.length;
        return { operations, page: 1, pageSize: operations.length, total };
      }
      case 'active': {
        const operations = sortByCreation(await this.listActive(schedulerName, this.stageListLimit), query.sortOrder);
        return { operations, page: 1, pageSize: operations.length, total: operations.length };
      }
      case 'final': {
        const { operations, total } = await this.listFinal(schedulerName, query);
        return { operations, total, page: query.page, pageSize: query.perPage };
      }
    }
  }

  /**
   * Cancels an operation: a pending one becomes `canceled` at once and leaves the queue; a running
   * one is signalled to the worker executing it. Throws AbortedError for a final operation.
   */
  async cancelOperation(schedulerName: string, operationId: string): Promise<void> {
    // Maestro answers 500 (not 404) for a missing scheduler or operation here.
    await this.ports.schedulers.getScheduler(schedulerName).catch((cause: unknown) => {
      throw new UnexpectedError(`failed to fetch scheduler from storage: ${messageOf(cause)}`, { cause });
    });
    const operation = await this.ports.storage.getOperation(schedulerName, operationId).catch((cause: unknown) => {
      throw new UnexpectedError(`failed to fetch operation from storage: ${messageOf(cause)}`, { cause });
    });
    if (isFinalOperationStatus(operation.status)) {
      throw new AbortedError(`cannot cancel operation since status "${operation.status}" is a final status`);
    }
    if (operation.status === 'pending') {
      const canceled = await this.ports.storage.updateOperationStatus({ ...operation, status: 'canceled' }, { expected: 'pending' });
      if (canceled) {
        await this.ports.flow.removeOperationId(schedulerName, operationId);
        return;
      }
    }
    await this.ports.cancellation.requestCancellation({ schedulerName, operationId });
  }

  /** The id of a pending or running version operation of the scheduler, if there is one. */
  async findOngoingVersionOperation(schedulerName: string): Promise<string | undefined> {
    // Ids whose record is gone (expired, or finishing right now) cannot block anything: skipped,
    // where Maestro answers 500.
    const ids = await this.ports.flow.listPendingOperationIds(schedulerName).catch((cause: unknown) => {
      throw new UnexpectedError(`failed to check for ongoing version operations: ${messageOf(cause)}`, { cause });
    });
    const loaded = await Promise.all(ids.map((id) => this.ports.storage.findOperation(schedulerName, id)));
    const pending = loaded.filter((op): op is Operation => op !== undefined);
    const active = await this.listActive(schedulerName);
    const ongoing = [...pending.filter((op) => op.status === 'pending'), ...active].find((op) => VERSION_OPERATIONS.includes(op.definitionName));
    return ongoing?.id;
  }

  private async store<Input>(schedulerName: string, definition: OperationDefinition<Input>, input: Input): Promise<Operation> {
    const now = this.ports.clock.now();
    const operation: Operation = {
      id: randomUUID(),
      schedulerName,
      status: 'pending',
      definitionName: definition.name,
      createdAt: now,
      input: definition.toJson(input),
      executionHistory: [{ createdAt: now, event: 'Created' }],
    };
    const requestedBy = this.ports.requester?.current();
    if (requestedBy !== undefined) operation.requestedBy = requestedBy;
    const ttlMs = SHORT_LIVED_OPERATIONS.includes(definition.name) ? this.options.operationsTtlMs : undefined;
    await this.ports.storage.createOperation(operation, ttlMs);
    return operation;
  }

  /**
   * The operations still waiting in the queue. The queue's delivered job stays listed until its
   * operation starts (it may wait for the scheduler's lock), never once it runs or has ended.
   */
  private async listPending(schedulerName: string): Promise<{ operations: Operation[]; queued: number }> {
    const ids = await this.ports.flow.listPendingOperationIds(schedulerName);
    let operations: Operation[];
    try {
      // Only the head of the queue is loaded: one request never reads an unbounded number of records.
      operations = await Promise.all(ids.slice(0, this.stageListLimit).map((id) => this.ports.storage.getOperation(schedulerName, id)));
    } catch (cause) {
      throw new UnexpectedError('error listing operations on pending stage', { cause });
    }
    return { operations: operations.filter((op) => op.status === 'pending'), queued: ids.length };
  }

  private get stageListLimit(): number {
    return this.options.stageListLimit ?? DEFAULT_STAGE_LIST_LIMIT;
  }

  private async listActive(schedulerName: string, limit?: number): Promise<Operation[]> {
    let operations: Operation[];
    try {
      operations = await this.ports.storage.listActiveOperations(schedulerName, limit);
    } catch (cause) {
      throw new UnexpectedError('error listing operations on active stage', { cause });
    }
    if (operations.length === 0) return operations;
    // Leases are shown only when every listed operation has one (Maestro's behaviour).
    const leases = await this.ports.lease
      .fetchOperationsLease(
        schedulerName,
        operations.map((op) => op.id),
      )
      .catch(ignoreNotFound);
    if (!leases) return operations;
    const byId = new Map(leases.map((lease) => [lease.operationId, lease]));
    return operations.map((op) => ({ ...op, lease: byId.get(op.id) }));
  }

  private async listFinal(schedulerName: string, query: OperationListQuery) {
    try {
      await this.ports.storage.cleanExpiredOperations(schedulerName);
      return await this.ports.storage.listFinishedOperations(schedulerName, {
        page: query.page,
        perPage: query.perPage,
        sortOrder: query.sortOrder,
      });
    } catch (cause) {
      throw new UnexpectedError('error listing operations on final stage', { cause });
    }
  }
}

function sortByCreation(operations: Operation[], order: 'asc' | 'desc'): Operation[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...operations].sort((a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime()));
}
