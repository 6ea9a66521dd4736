import type { TokenRevocations } from '@maestro/domain';
import type Redis from 'ioredis';
import { type KeyPrefix, prefixOf, tokenKeys } from './redis-keys';

/** TokenRevocations on one Redis counter (`tokens:revocationGeneration`, not in Maestro), never expiring. */
export class RedisTokenRevocations implements TokenRevocations {
  private readonly keys: ReturnType<typeof tokenKeys>;

  constructor(
    private readonly redis: Redis,
    keyPrefix: KeyPrefix = '',
  ) {
    this.keys = tokenKeys(prefixOf(keyPrefix));
  }

  async generation(): Promise<string> {
    return (await this.redis.get(this.keys.revocationGeneration())) ?? '0';
  }

  async revoked(): Promise<void> {
    await this.redis.incr(this.keys.revocationGeneration());
  }
}
