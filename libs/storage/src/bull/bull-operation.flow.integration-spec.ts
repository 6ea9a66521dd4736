import { createTestRedis, type TestRedis, waitFor } from '@maestro/testing';
import Redis from 'ioredis';
import { BullOperationFlow } from './bull-operation.flow';

describe('BullOperationFlow', () => {
  let redis: TestRedis;
  let flow: BullOperationFlow;

  beforeAll(async () => {
    redis = await createTestRedis();
    flow = new BullOperationFlow({ redisUrl: redis.url, keyPrefix: redis.keyPrefix });
  });

  afterAll(async () => {
    await flow.close();
    await redis.cleanup();
  });

  it('lists pending ids in delivery order: normal ids at the tail, priority ids at the head', async () => {
    await flow.insertOperationId('s1', 'a');
    await flow.insertOperationId('s1', 'b');
    await flow.insertPriorityOperationId('s1', 'p1');
    await flow.insertPriorityOperationId('s1', 'p2');
    expect(await flow.listPendingOperationIds('s1')).toEqual(['p2', 'p1', 'a', 'b']);
    expect(await flow.listPendingOperationIds('other')).toEqual([]);
  });

  it('tells watchers, in any process, the scheduler of every inserted operation', async () => {
    const other = new BullOperationFlow({ redisUrl: redis.url, keyPrefix: redis.keyPrefix });
    const heard: string[] = [];
    const stop = await other.watchInsertions((name) => heard.push(name));
    try {
      await flow.insertOperationId('watched-a', 'w1');
      await flow.insertPriorityOperationId('watched-b', 'w2');
      await waitFor(() => heard.length === 2, { description: 'both insertions heard' });
      expect(heard).toEqual(['watched-a', 'watched-b']);
      await stop();
      await flow.insertOperationId('watched-c', 'w3');
      expect(await flow.listPendingOperationIds('watched-c')).toEqual(['w3']);
      expect(heard).toEqual(['watched-a', 'watched-b']);
    } finally {
      await other.close();
    }
  });

  it('reads no Redis INFO per queue (one queue per scheduler)', async () => {
    const info = jest.spyOn(Redis.prototype, 'info');
    const fresh = new BullOperationFlow({ redisUrl: redis.url, keyPrefix: redis.keyPrefix });
    try {
      for (const name of ['info-a', 'info-b', 'info-c']) await fresh.insertOperationId(name, `${name}-op`);
      expect(info).not.toHaveBeenCalled();
    } finally {
      info.mockRestore();
      await fresh.close();
    }
  });

  it('keeps its queues under the key prefix', async () => {
    const keys = await redis.client.keys(`${redis.keyPrefix}bull:operations:s1:*`);
    expect(keys).toEqual(expect.arrayContaining([`${redis.keyPrefix}bull:operations:s1:wait`, `${redis.keyPrefix}bull:operations:s1:a`]));
  });

  it('skips a job that completed while it was being listed (its hash gone, its id still listed)', async () => {
    await flow.insertOperationId('racy', 'done-meanwhile');
    await flow.insertOperationId('racy', 'still-waiting');
    await redis.client.del(`${redis.keyPrefix}bull:operations:racy:done-meanwhile`);
    expect(await flow.listPendingOperationIds('racy')).toEqual(['still-waiting']);
  });

  it('removes a pending id, and ignores unknown ones', async () => {
    await flow.removeOperationId('s1', 'a');
    await flow.removeOperationId('s1', 'unknown');
    expect(await flow.listPendingOperationIds('s1')).toEqual(['p2', 'p1', 'b']);
  });

  it('delivers a scheduler queue one operation at a time, priority first, the delivered one listed first', async () => {
    const delivered: string[] = [];
    let running = 0;
    let overlapped = false;
    let started = false;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    for (const id of ['x1', 'x2', 'x3']) await flow.insertOperationId('s2', id);
    flow.consume('s2', async (id) => {
      running += 1;
      overlapped ||= running > 1;
      started = true;
      if (id === 'x1') await gate;
      delivered.push(id);
      running -= 1;
    });
    try {
      await waitFor(() => started, { description: 'x1 delivered' });
      // A priority id inserted while x1 runs is the next one delivered.
      await flow.insertPriorityOperationId('s2', 'urgent');
      expect(await flow.listPendingOperationIds('s2')).toEqual(['x1', 'urgent', 'x2', 'x3']);
      await flow.removeOperationId('s2', 'x1');
      expect((await flow.listPendingOperationIds('s2'))[0]).toBe('x1');
    } finally {
      release();
    }
    await waitFor(() => delivered.length === 4, { description: 'four deliveries' });
    expect(delivered).toEqual(['x1', 'urgent', 'x2', 'x3']);
    expect(overlapped).toBe(false);
    await waitFor(async () => (await flow.listPendingOperationIds('s2')).length === 0, { description: 'an empty queue' });
  });

  it('accepts an id again once its job is done, and stops delivering after release', async () => {
    const delivered: string[] = [];
    flow.consume('s3', async (id) => void delivered.push(id));
    await flow.insertOperationId('s3', 'again');
    await waitFor(() => delivered.length === 1, { description: 'first delivery' });
    await waitFor(async () => (await flow.listPendingOperationIds('s3')).length === 0, { description: 'completed job removed' });
    await flow.insertOperationId('s3', 'again');
    await waitFor(() => delivered.length === 2, { description: 'second delivery' });
    await flow.release('s3');
    await flow.insertOperationId('s3', 'queued');
    expect(await flow.listPendingOperationIds('s3')).toEqual(['queued']);
    expect(delivered).toEqual(['again', 'again']);
  });

  it('consumes any number of queues on the same few connections, and closes them all', async () => {
    const keyPrefix = `${redis.keyPrefix}own:`;
    const own = new BullOperationFlow({ redisUrl: redis.url, keyPrefix });
    const delivered: string[] = [];
    const consumeQueues = (from: number, to: number) => {
      for (let i = from; i < to; i += 1) own.consume(`c${i}`, async (id) => void delivered.push(id));
    };
    consumeQueues(0, 2);
    await own.insertOperationId('c1', 'x');
    await waitFor(() => delivered.length === 1, { description: 'the first delivery' });
    const few = await connections(keyPrefix);
    consumeQueues(2, 40);
    await own.insertOperationId('c39', 'y');
    await waitFor(() => delivered.length === 2, { description: 'the second delivery' });
    expect(await connections(keyPrefix)).toBe(few);
    expect(few).toBeLessThanOrEqual(4);
    await own.close();
    await waitFor(async () => (await connections(keyPrefix)) === 0, { description: 'every connection closed' });
  });

  it('opens no connection once closed: a late consume, insertion or watch is refused', async () => {
    const keyPrefix = `${redis.keyPrefix}closed-`;
    const closing = new BullOperationFlow({ redisUrl: redis.url, keyPrefix });
    closing.consume('before', async () => undefined);
    await closing.insertOperationId('before', 'op-1');
    const closed = closing.close();
    // What a worker's sync or periodic task may still do while the worker stops.
    expect(() => closing.consume('late', async () => undefined)).toThrow('closed');
    await expect(closing.insertOperationId('late', 'op-2')).rejects.toThrow('closed');
    await expect(closing.watchInsertions(() => undefined)).rejects.toThrow('closed');
    await closed;
    await waitFor(async () => (await connections(keyPrefix)) === 0, { description: 'every connection closed' });
    const list = (await redis.client.client('LIST')) as string;
    expect(list.split('\n').filter((line) => line.includes(` name=maestro:${keyPrefix}bull`))).toEqual([]);
  });

  async function connections(keyPrefix: string): Promise<number> {
    const list = (await redis.client.client('LIST')) as string;
    // Bull would name a blocking connection itself (`<prefix>bull:<queue in base64>`).
    return list.split('\n').filter((line) => line.includes(` name=maestro:${keyPrefix}bull`) || line.includes(` name=${keyPrefix}bull:`)).length;
  }
});
