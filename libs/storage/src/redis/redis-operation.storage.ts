import {
  type FinishedOperationsQuery,
  NotFoundError,
  type Operation,
  type OperationStatus,
  type OperationStorage,
  formatGoTime,
  isFinalOperationStatus,
  operationStatusToInt,
} from '@maestro/domain';
import type Redis from 'ioredis';
import { operationFromHash, operationToHash } from './operation-hash.codec';
import { LuaScript } from './lua-script';
import { type KeyPrefix, operationKeys, prefixOf, unixSeconds } from './redis-keys';
import { currentTraceCarrier } from '../trace-context';

/**
 * Sets the status only if the stored one is the expected one (ARGV[2] = '' to skip the check),
 * then moves the id to exactly one list. KEYS: hash, active, history, noaction, target list, pending.
 */
const UPDATE_STATUS = new LuaScript(
  `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if ARGV[2] ~= '' and redis.call('HGET', KEYS[1], 'status') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[3]); redis.call('ZREM', KEYS[3], ARGV[3]); redis.call('ZREM', KEYS[4], ARGV[3]); redis.call('ZREM', KEYS[6], ARGV[3])
if KEYS[5] ~= '' then redis.call('ZADD', KEYS[5], ARGV[4], ARGV[3]) end
return 1`,
  6,
);

/** Appends one event to the JSON history atomically. KEYS: hash; ARGV: createdAt, event. */
// Appends one encoded entry (ARGV[1]) to the JSON array of the history without decoding it: the
// stored entries stay byte for byte, and a long history costs a string copy, not a parse and encode.
const APPEND_HISTORY = new LuaScript(
  `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local raw = redis.call('HGET', KEYS[1], 'executionHistory')
if not raw or raw == '' or raw == 'null' or string.match(raw, '^%s*%[%s*%]%s*$') then
  raw = '[' .. ARGV[1] .. ']'
else
  raw = string.gsub(raw, '%s*%]%s*$', '') .. ',' .. ARGV[1] .. ']'
end
redis.call('HSET', KEYS[1], 'executionHistory', raw)
return 1`,
  1,
);

/**
 * OperationStorage on one hash per operation plus Maestro's active/history/noaction sorted sets, and
 * a pending sorted set of our own (the reconciler lists what must be queued from it).
 */
export class RedisOperationStorage implements OperationStorage {
  private readonly keys: ReturnType<typeof operationKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
    private readonly now: () => Date = () => new Date(),
  ) {
    this.keys = operationKeys(prefixOf(keyPrefix));
  }

  async createOperation(operation: Operation, ttlMs?: number): Promise<void> {
    const key = this.keys.operation(operation.schedulerName, operation.id);
    // The trace of the request that created it, for whoever follows the operation (Maestro has no such field).
    const tx = this.redis.multi().hset(key, { ...operationToHash(operation), ...currentTraceCarrier() });
    if (ttlMs !== undefined) tx.pexpire(key, ttlMs);
    if (operation.status === 'pending') tx.zadd(this.keys.pending(operation.schedulerName), unixSeconds(this.now()), operation.id);
    await tx.exec();
  }

  async getOperation(schedulerName: string, operationId: string): Promise<Operation> {
    const operation = await this.findOperation(schedulerName, operationId);
    if (!operation) throw new NotFoundError(`operation ${operationId} not found in scheduler ${schedulerName}`);
    return operation;
  }

  async findOperation(schedulerName: string, operationId: string): Promise<Operation | undefined> {
    const hash = await this.redis.hgetall(this.keys.operation(schedulerName, operationId));
    return hash.id ? operationFromHash(hash) : undefined;
  }

  async updateOperationStatus(operation: Operation, options: { expected?: OperationStatus; noAction?: boolean } = {}): Promise<boolean> {
    const s = operation.schedulerName;
    const target =
      operation.status === 'in_progress'
        ? this.keys.active(s)
        : isFinalOperationStatus(operation.status)
          ? options.noAction
            ? this.keys.noAction(s)
            : this.keys.history(s)
          : this.keys.pending(s);
    const result = await UPDATE_STATUS.run(this.redis, [
      this.keys.operation(s, operation.id),
      this.keys.active(s),
      this.keys.history(s),
      this.keys.noAction(s),
      target,
      this.keys.pending(s),
      String(operationStatusToInt(operation.status)),
      options.expected ? String(operationStatusToInt(options.expected)) : '',
      operation.id,
      String(unixSeconds(this.now())),
    ]);
    if (Number(result) === -1) throw new NotFoundError(`operation ${operation.id} not found in scheduler ${s}`);
    return Number(result) === 1;
  }

  async updateOperationDefinition(operation: Operation): Promise<void> {
    await this.redis.hset(this.keys.operation(operation.schedulerName, operation.id), 'definitionContents', JSON.stringify(operation.input));
  }

  async appendExecutionHistory(schedulerName: string, operationId: string, event: string, at: Date): Promise<void> {
    const entry = JSON.stringify({ CreatedAt: formatGoTime(at), Event: event });
    const done = await APPEND_HISTORY.run(this.redis, [this.keys.operation(schedulerName, operationId), entry]);
    if (Number(done) === 0) throw new NotFoundError(`operation ${operationId} not found in scheduler ${schedulerName}`);
  }

  async listPendingOperations(schedulerName: string): Promise<Operation[]> {
    const ids = await this.redis.zrange(this.keys.pending(schedulerName), 0, -1);
    return (await this.loadExisting(schedulerName, ids)).filter((operation) => operation.status === 'pending');
  }

  async listActiveOperations(schedulerName: string, limit?: number): Promise<Operation[]> {
    const ids = await this.redis.zrange(this.keys.active(schedulerName), 0, limit === undefined ? -1 : limit - 1);
    return this.loadExisting(schedulerName, ids);
  }

  async listFinishedOperations(schedulerName: string, query: FinishedOperationsQuery) {
    const key = this.keys.history(schedulerName);
    const start = (query.page - 1) * query.perPage;
    const stop = start + query.perPage - 1;
    const [total, ids] = await Promise.all([
      this.redis.zcard(key),
      query.sortOrder === 'asc' ? this.redis.zrange(key, start, stop) : this.redis.zrevrange(key, start, stop),
    ]);
    const sign = query.sortOrder === 'asc' ? 1 : -1;
    const operations = (await this.loadExisting(schedulerName, ids)).sort((a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime()));
    return { operations, total };
  }

  async cleanExpiredOperations(schedulerName: string): Promise<void> {
    for (const list of [this.keys.pending(schedulerName), this.keys.history(schedulerName), this.keys.noAction(schedulerName)]) {
      const ids = await this.redis.zrange(list, 0, -1);
      if (ids.length === 0) continue;
      const pipeline = this.redis.pipeline();
      ids.forEach((id) => pipeline.exists(this.keys.operation(schedulerName, id)));
      const results = (await pipeline.exec()) ?? [];
      const expired = ids.filter((_, i) => Number(results[i]?.[1]) === 0);
      if (expired.length > 0) await this.redis.zrem(list, ...expired);
    }
  }

  async deleteHistory(schedulerName: string): Promise<void> {
    const list = this.keys.history(schedulerName);
    const ids = await this.redis.zrange(list, 0, -1);
    const keys = ids.map((id) => this.keys.operation(schedulerName, id));
    await this.redis.del(...keys, list);
  }

  private async loadExisting(schedulerName: string, ids: string[]): Promise<Operation[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    ids.forEach((id) => pipeline.hgetall(this.keys.operation(schedulerName, id)));
    const results = (await pipeline.exec()) ?? [];
    return results
      .map(([, hash]) => hash as Record<string, string>)
      .filter((hash) => hash && hash.id)
      .map(operationFromHash);
  }
}
