import type { SchedulerLock } from '@maestro/domain';
import type Redis from 'ioredis';
import { LuaScript } from './lua-script';
import { type KeyPrefix, prefixOf, schedulerLockKeys } from './redis-keys';

const RENEW = new LuaScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`, 1);
const RELEASE = new LuaScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`, 1);

/**
 * One owner at a time per scheduler, across every worker process: the guarantee that at most one
 * operation of a scheduler executes anywhere. The key expires if its owner dies. Also claims of a
 * periodic task's turn, so that replicas ticking on their own clocks enqueue it once per period.
 */
export class RedisSchedulerLock implements SchedulerLock {
  private readonly keys: ReturnType<typeof schedulerLockKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
  ) {
    this.keys = schedulerLockKeys(prefixOf(keyPrefix));
  }

  private key(schedulerName: string): string {
    return this.keys.lock(schedulerName);
  }

  /** Takes the lock if free; true when `owner` holds it now. */
  async tryAcquire(schedulerName: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key(schedulerName), owner, 'PX', ttlMs, 'NX')) === 'OK';
  }

  /** Extends the lock; false when `owner` lost it. */
  async renew(schedulerName: string, owner: string, ttlMs: number): Promise<boolean> {
    return Number(await RENEW.run(this.redis, [this.key(schedulerName), owner, String(ttlMs)])) === 1;
  }

  async release(schedulerName: string, owner: string): Promise<void> {
    await RELEASE.run(this.redis, [this.key(schedulerName), owner]);
  }

  /**
   * Claims the scheduler's periodic `task` for `ttlMs`: true for the first caller, false for every
   * other until the claim expires (it is never released, so claims are at least `ttlMs` apart).
   */
  async claimPeriod(schedulerName: string, task: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.keys.period(schedulerName, task), owner, 'PX', ttlMs, 'NX')) === 'OK';
  }
}
