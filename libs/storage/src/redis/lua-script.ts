import { createHash } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * A Lua script run by its SHA1 (EVALSHA), loaded on first use and again after a server restart or
 * SCRIPT FLUSH (NOSCRIPT): each call sends the 40-byte digest instead of the script's text.
 */
export class LuaScript {
  readonly sha: string;

  constructor(
    readonly source: string,
    private readonly numberOfKeys: number,
  ) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keysAndArgs: readonly (string | number)[]): Promise<unknown> {
    if (keysAndArgs.length < this.numberOfKeys) throw new Error(`Lua script needs ${this.numberOfKeys} keys, got ${keysAndArgs.length} values`);
    try {
      return await redis.evalsha(this.sha, this.numberOfKeys, ...keysAndArgs);
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, this.numberOfKeys, ...keysAndArgs);
    }
  }
}
