import { waitFor } from '@maestro/testing';
import Redis from 'ioredis';
import { management, operations, simulatedScheduler } from './support/maestro-client';

/** storagecleanup_operation_test: ids of operations whose records expired leave the history. */
describe('storage clean-up', () => {
  const redis = new Redis('redis://127.0.0.1:6379/0');
  const prefix = process.env.E2E_REDIS_PREFIX ?? '';

  afterAll(() => redis.disconnect());

  it('removes the ids of vanished operation records from the history set', async () => {
    const name = 'e2e-cleanup';
    await management('POST', '/schedulers', simulatedScheduler(name));
    const done = await waitFor(
      async () => {
        const final = await operations(name, 'final');
        return final.some((op) => op.definitionName === 'create_scheduler') ? final : undefined;
      },
      { timeoutMs: 30_000 },
    );
    const ids = done.map((op) => op.id);
    // The records vanish as if their TTL had passed; the ids stay in the history set until cleaned.
    await redis.del(...ids.map((id) => `${prefix}operations:${name}:${id}`));
    const history = `${prefix}operations:${name}:lists:history`;
    expect(await redis.zrange(history, 0, -1)).toEqual(expect.arrayContaining(ids));
    await waitFor(async () => (await redis.zrange(history, 0, -1)).every((id) => !ids.includes(id)), {
      timeoutMs: 60_000,
      description: 'ids cleaned by storage_clean_up',
    });
    expect((await operations(name, 'final')).map((op) => op.id)).not.toEqual(expect.arrayContaining(ids));
  });
});
