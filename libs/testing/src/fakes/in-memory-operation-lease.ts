import { AlreadyExistsError, type Clock, NotFoundError, type OperationLease, type OperationLeaseInfo, systemClock } from '@maestro/domain';

/** Whole seconds of a time to live, at least one (the Redis adapter's rounding). */
const ttlSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/**
 * OperationLease in memory, for unit tests: expiries in unix seconds by `<scheduler>/<operation id>`,
 * granted and renewed from `clock`'s current second, as the Redis adapter keeps them.
 */
export class InMemoryOperationLease implements OperationLease {
  /** Expiry (unix seconds) of each lease. */
  readonly expiries = new Map<string, number>();

  constructor(private readonly clock: Clock = systemClock) {}

  async grantLease(schedulerName: string, operationId: string, ttlMs: number): Promise<void> {
    const key = `${schedulerName}/${operationId}`;
    if (this.expiries.has(key)) throw new AlreadyExistsError(`lease already exists for operation ${operationId}`);
    this.expiries.set(key, Math.floor(this.clock.now().getTime() / 1000) + ttlSeconds(ttlMs));
  }

  async renewLease(schedulerName: string, operationId: string, ttlMs: number): Promise<void> {
    const key = `${schedulerName}/${operationId}`;
    if (!this.expiries.has(key)) throw notFound(operationId);
    this.expiries.set(key, Math.floor(this.clock.now().getTime() / 1000) + ttlSeconds(ttlMs));
  }

  async revokeLease(schedulerName: string, operationId: string): Promise<void> {
    if (!this.expiries.delete(`${schedulerName}/${operationId}`)) throw notFound(operationId);
  }

  async fetchLease(schedulerName: string, operationId: string): Promise<OperationLeaseInfo> {
    const lease = await this.findLease(schedulerName, operationId);
    if (!lease) throw notFound(operationId);
    return lease;
  }

  async findLease(schedulerName: string, operationId: string): Promise<OperationLeaseInfo | undefined> {
    const expiry = this.expiries.get(`${schedulerName}/${operationId}`);
    return expiry === undefined ? undefined : { operationId, ttl: new Date(expiry * 1000) };
  }

  async fetchOperationsLease(schedulerName: string, operationIds: string[]): Promise<OperationLeaseInfo[]> {
    return Promise.all(operationIds.map((operationId) => this.fetchLease(schedulerName, operationId)));
  }
}

const notFound = (operationId: string) => new NotFoundError(`lease of operation ${operationId} not found`);
