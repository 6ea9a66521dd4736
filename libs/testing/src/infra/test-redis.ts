import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379/0';

export interface TestRedis {
  url: string;
  /** Every key a test writes starts with it. */
  keyPrefix: string;
  client: Redis;
  /** Deletes the prefix's keys: as far as the test sees, Redis restarted empty. */
  wipe(): Promise<void>;
  /** Deletes the prefix's keys and closes the client. */
  cleanup(): Promise<void>;
}

/** The real Redis with a key prefix of its own for one test file. */
export async function createTestRedis(): Promise<TestRedis> {
  const keyPrefix = `test:${process.pid}:${randomBytes(4).toString('hex')}:`;
  const client = new Redis(TEST_REDIS_URL);
  const wipe = async () => {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  };
  return {
    url: TEST_REDIS_URL,
    keyPrefix,
    client,
    wipe,
    cleanup: async () => {
      await wipe();
      client.disconnect();
    },
  };
}
