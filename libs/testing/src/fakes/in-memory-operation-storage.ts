import {
  type Clock,
  type FinishedOperationsQuery,
  NotFoundError,
  type Operation,
  type OperationStatus,
  type OperationStorage,
  isFinalOperationStatus,
  systemClock,
} from '@maestro/domain';

type ListName = 'pending' | 'active' | 'history' | 'noAction';

/** An id in one of the scheduler's lists, scored (unix seconds) when it got there, as in Redis. */
interface Listed {
  schedulerName: string;
  id: string;
  list: ListName;
  score: number;
}

/** Orders like a Redis sorted set: by score, then by id. */
const bySetOrder = (a: Listed, b: Listed): number => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * OperationStorage in memory, for unit tests: records (copied in and out, without `lease`, input
 * through JSON) that expire on `clock` time, and each id in at most one list, as the Redis adapter.
 */
export class InMemoryOperationStorage implements OperationStorage {
  private readonly records = new Map<string, { operation: Operation; expiresAt?: number }>();
  private readonly listed = new Map<string, Listed>();

  constructor(private readonly clock: Clock = systemClock) {}

  async createOperation(operation: Operation, ttlMs?: number): Promise<void> {
    const { lease: _notStored, ...stored } = structuredClone(operation);
    stored.input = JSON.parse(JSON.stringify(operation.input)) as Record<string, unknown>;
    const expiresAt = ttlMs === undefined ? undefined : this.clock.now().getTime() + ttlMs;
    const key = `${operation.schedulerName}/${operation.id}`;
    this.records.set(key, { operation: stored, expiresAt });
    if (operation.status === 'pending')
      this.listed.set(key, { schedulerName: operation.schedulerName, id: operation.id, list: 'pending', score: this.nowSeconds() });
  }

  async getOperation(schedulerName: string, operationId: string): Promise<Operation> {
    return structuredClone(this.stored(schedulerName, operationId));
  }

  async findOperation(schedulerName: string, operationId: string): Promise<Operation | undefined> {
    const operation = this.live(schedulerName, operationId);
    return operation && structuredClone(operation);
  }

  async updateOperationStatus(operation: Operation, options: { expected?: OperationStatus; noAction?: boolean } = {}): Promise<boolean> {
    const stored = this.stored(operation.schedulerName, operation.id);
    if (options.expected !== undefined && stored.status !== options.expected) return false;
    stored.status = operation.status;
    const key = `${operation.schedulerName}/${operation.id}`;
    this.listed.delete(key);
    const list: ListName =
      operation.status === 'in_progress' ? 'active' : isFinalOperationStatus(operation.status) ? (options.noAction ? 'noAction' : 'history') : 'pending';
    this.listed.set(key, { schedulerName: operation.schedulerName, id: operation.id, list, score: this.nowSeconds() });
    return true;
  }

  async updateOperationDefinition(operation: Operation): Promise<void> {
    this.stored(operation.schedulerName, operation.id).input = JSON.parse(JSON.stringify(operation.input)) as Record<string, unknown>;
  }

  async appendExecutionHistory(schedulerName: string, operationId: string, event: string, at: Date): Promise<void> {
    this.stored(schedulerName, operationId).executionHistory.push({ createdAt: new Date(at), event });
  }

  async listPendingOperations(schedulerName: string): Promise<Operation[]> {
    return this.existing(this.list(schedulerName, 'pending')).filter((operation) => operation.status === 'pending');
  }

  async listActiveOperations(schedulerName: string, limit?: number): Promise<Operation[]> {
    return this.existing(this.list(schedulerName, 'active').slice(0, limit));
  }

  async listFinishedOperations(schedulerName: string, query: FinishedOperationsQuery): Promise<{ operations: Operation[]; total: number }> {
    const history = this.list(schedulerName, 'history');
    if (query.sortOrder === 'desc') history.reverse();
    const start = (query.page - 1) * query.perPage;
    const sign = query.sortOrder === 'asc' ? 1 : -1;
    const operations = this.existing(history.slice(start, start + query.perPage)).sort((a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime()));
    return { operations, total: history.length };
  }

  async cleanExpiredOperations(schedulerName: string): Promise<void> {
    for (const entry of [...this.list(schedulerName, 'pending'), ...this.list(schedulerName, 'history'), ...this.list(schedulerName, 'noAction')]) {
      if (!this.live(schedulerName, entry.id)) this.listed.delete(`${schedulerName}/${entry.id}`);
    }
  }

  async deleteHistory(schedulerName: string): Promise<void> {
    for (const entry of this.list(schedulerName, 'history')) {
      this.records.delete(`${schedulerName}/${entry.id}`);
      this.listed.delete(`${schedulerName}/${entry.id}`);
    }
  }

  /** The stored record, unless it is missing or expired; throws NotFoundError. */
  private stored(schedulerName: string, operationId: string): Operation {
    const operation = this.live(schedulerName, operationId);
    if (!operation) throw new NotFoundError(`operation ${operationId} not found in scheduler ${schedulerName}`);
    return operation;
  }

  private live(schedulerName: string, operationId: string): Operation | undefined {
    const record = this.records.get(`${schedulerName}/${operationId}`);
    if (record?.expiresAt !== undefined && record.expiresAt <= this.clock.now().getTime()) return undefined;
    return record?.operation;
  }

  private list(schedulerName: string, list: ListName): Listed[] {
    return [...this.listed.values()].filter((entry) => entry.schedulerName === schedulerName && entry.list === list).sort(bySetOrder);
  }

  /** Copies of the listed operations whose records still exist, in list order. */
  private existing(entries: Listed[]): Operation[] {
    return entries.flatMap((entry) => {
      const operation = this.live(entry.schedulerName, entry.id);
      return operation ? [structuredClone(operation)] : [];
    });
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}
