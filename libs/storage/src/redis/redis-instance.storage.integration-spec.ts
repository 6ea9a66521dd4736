import { NotFoundError } from '@maestro/domain';
import { anInstance, createTestRedis, type TestRedis } from '@maestro/testing';
import { RedisInstanceStorage } from './redis-instance.storage';

describe('RedisInstanceStorage', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await createTestRedis();
  });

  afterAll(() => redis.cleanup());

  it('upserts, reads, counts and deletes instances per scheduler', async () => {
    const instances = new RedisInstanceStorage(redis.client, redis.keyPrefix);
    await instances.upsertInstance(anInstance({ id: 'i0', schedulerId: 'inst' }));
    const failed = anInstance({ id: 'i0', schedulerId: 'inst', status: { type: 'error', description: 'boom' }, address: undefined });
    await instances.upsertInstance(failed);
    await instances.upsertInstance(anInstance({ id: 'other', schedulerId: 'elsewhere' }));
    expect(await instances.getInstance('inst', 'i0')).toEqual(failed);
    expect(await instances.getInstanceCount('inst')).toBe(1);
    expect(await redis.client.hexists(`${redis.keyPrefix}scheduler:inst:podMap`, 'i0')).toBe(1);
    await instances.deleteInstance('inst', 'i0');
    await expect(instances.getInstance('inst', 'i0')).rejects.toThrow(new NotFoundError('instance i0 not found in scheduler inst'));
    await expect(instances.deleteInstance('inst', 'i0')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('scans every instance, with a COUNT hint or with Redis default', async () => {
    const seed = new RedisInstanceStorage(redis.client, redis.keyPrefix);
    // Enough entries for Redis to encode the hash as a real table and scan it in several steps.
    for (let i = 0; i < 300; i++) await seed.upsertInstance(anInstance({ id: `i${i}`, schedulerId: 'scan' }));
    for (const scanSize of [7, undefined]) {
      const all = await new RedisInstanceStorage(redis.client, redis.keyPrefix, scanSize).getAllInstances('scan');
      expect(new Set(all.map((i) => i.id)).size).toBe(300);
    }
    expect(await seed.getAllInstances('none')).toEqual([]);
  });
});
