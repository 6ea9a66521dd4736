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

/** Deletes every key matching ARGV[1] (KEYS cannot list them beforehand; test Redis only). */
const WIPE_SCRIPT = `
local cursor = '0'
repeat
  local reply = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
  cursor = reply[1]
  for _, key in ipairs(reply[2]) do redis.call('UNLINK', key) end
until cursor == '0'
return 0`;

/** The real Redis with a key prefix of its own for one test file. */
export async function createTestRedis(): Promise<TestRedis> {
  const keyPrefix = `test:${process.pid}:${randomBytes(4).toString('hex')}:`;
  const client = new Redis(TEST_REDIS_URL);
  // One script, so that the deletion is atomic as a restart is: a SCAN and DEL loop from here takes
  // one round trip per 500 keys of the whole server (tens of thousands in a full test run), and the
  // code under test would run against a Redis half wiped (rooms without their instances, records
  // rebuilt and then deleted in part) that no restart produces.
  const wipe = async () => {
    await client.eval(WIPE_SCRIPT, 0, `${keyPrefix}*`);
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
