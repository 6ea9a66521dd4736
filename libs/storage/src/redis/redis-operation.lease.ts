import { AlreadyExistsError, NotFoundError, type OperationLease, type OperationLeaseInfo } from '@maestro/domain';
import type Redis from 'ioredis';
import { LuaScript } from './lua-script';
import { type KeyPrefix, leaseKeys, prefixOf, unixSeconds } from './redis-keys';

// Sets an existing lease's expiry (absolute, unix seconds); nil when the operation has no lease.
const RENEW = new LuaScript(`if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[1]) end return false`, 1);

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** OperationLease on the sorted set `operations:<s>:operationsLease` (score = expiry, unix seconds). */
export class RedisOperationLease implements OperationLease {
  private readonly keys: ReturnType<typeof leaseKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
    private readonly now: () => Date = () => new Date(),
  ) {
    this.keys = leaseKeys(prefixOf(keyPrefix));
  }

  async grantLease(schedulerName: string, operationId: string, ttlMs: number): Promise<void> {
    const expiry = unixSeconds(this.now()) + seconds(ttlMs);
    const added = await this.redis.zadd(this.keys.leases(schedulerName), 'NX', expiry, operationId);
    if (Number(added) === 0) throw new AlreadyExistsError(`lease already exists for operation ${operationId}`);
  }

  /**
   * Sets the expiry to now + ttl. Maestro adds ttl to the stored expiry (`ZADD XX INCR`), which
   * lags behind the clock by a whole period after one missed renewal and never catches up.
   */
  async renewLease(schedulerName: string, operationId: string, ttlMs: number): Promise<void> {
    const expiry = unixSeconds(this.now()) + seconds(ttlMs);
    const renewed = await RENEW.run(this.redis, [this.keys.leases(schedulerName), operationId, String(expiry)]);
    if (renewed === null) throw new NotFoundError(`lease of operation ${operationId} not found`);
  }

  async revokeLease(schedulerName: string, operationId: string): Promise<void> {
    const removed = await this.redis.zrem(this.keys.leases(schedulerName), operationId);
    if (removed === 0) throw new NotFoundError(`lease of operation ${operationId} not found`);
  }

  async fetchLease(schedulerName: string, operationId: string): Promise<OperationLeaseInfo> {
    const lease = await this.findLease(schedulerName, operationId);
    if (!lease) throw new NotFoundError(`lease of operation ${operationId} not found`);
    return lease;
  }

  async findLease(schedulerName: string, operationId: string): Promise<OperationLeaseInfo | undefined> {
    const score = await this.redis.zscore(this.keys.leases(schedulerName), operationId);
    return score === null ? undefined : { operationId, ttl: new Date(Number(score) * 1000) };
  }

  async fetchOperationsLease(schedulerName: string, operationIds: string[]): Promise<OperationLeaseInfo[]> {
    if (operationIds.length === 0) return [];
    const scores = await this.redis.zmscore(this.keys.leases(schedulerName), ...operationIds);
    return operationIds.map((operationId, i) => {
      const score = scores[i];
      if (score === null) throw new NotFoundError(`lease of operation ${operationId} not found`);
      return { operationId, ttl: new Date(Number(score) * 1000) };
    });
  }

  /** Leases of the scheduler that expired before `at` (self-healing of dead workers). */
  async listExpiredLeases(schedulerName: string, at: Date): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.leases(schedulerName), '-inf', `(${unixSeconds(at)}`);
  }
}
