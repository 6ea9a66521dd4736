import { NotFoundError, type Operation } from '@maestro/domain';
import { anOperation, createTestRedis, type TestRedis } from '@maestro/testing';
import { RedisOperationStorage } from './redis-operation.storage';

describe('RedisOperationStorage', () => {
  let redis: TestRedis;
  let storage: RedisOperationStorage;
  let clock = new Date('2026-01-02T10:00:00Z');
  const key = (suffix: string) => `${redis.keyPrefix}operations:${suffix}`;

  beforeAll(async () => {
    redis = await createTestRedis();
    storage = new RedisOperationStorage(redis.client, redis.keyPrefix, () => clock);
  });

  afterAll(() => redis.cleanup());

  const finishedAt = async (op: Operation, at: Date, noAction = false) => {
    clock = at;
    await storage.updateOperationStatus({ ...op, status: 'finished' }, { noAction });
  };

  it('stores an operation and moves it between the active and history lists', async () => {
    const op = anOperation({ id: 'op-1', schedulerName: 's1' });
    await storage.createOperation(op);
    expect(await storage.getOperation('s1', 'op-1')).toEqual(op);
    expect(await redis.client.pttl(key('s1:op-1'))).toBe(-1);
    expect(await redis.client.hget(key('s1:op-1'), 'status')).toBe('0');
    await storage.updateOperationStatus({ ...op, status: 'in_progress' });
    expect((await storage.listActiveOperations('s1')).map((o) => o.id)).toEqual(['op-1']);
    expect(await redis.client.zscore(key('s1:lists:active'), 'op-1')).toBe(String(clock.getTime() / 1000));
    await storage.appendExecutionHistory('s1', 'op-1', 'Starting operation', clock);
    await storage.updateOperationStatus({ ...op, status: 'finished' });
    expect(await storage.listActiveOperations('s1')).toEqual([]);
    const { operations, total } = await storage.listFinishedOperations('s1', { page: 1, perPage: 15, sortOrder: 'desc' });
    expect(total).toBe(1);
    expect(operations[0].status).toBe('finished');
    expect(operations[0].executionHistory.map((e) => e.event)).toEqual(['Created', 'Starting operation']);
  });

  it('appends history lines without re-encoding the stored ones (a history Maestro wrote stays byte for byte)', async () => {
    const stored = '[{"CreatedAt":"2026-01-02T10:00:00.123456789Z","Event":"Created"},{"CreatedAt":"2026-01-02T10:00:01Z","Event":"path a/b \\u00e9 \\"q\\""}]';
    await redis.client.hset(key('s1:op-maestro'), {
      id: 'op-maestro',
      schedulerName: 's1',
      status: '1',
      definitionName: 'add_rooms',
      createdAt: '2026-01-02T10:00:00Z',
      definitionContents: '{"amount":1}',
      executionHistory: stored,
    });
    clock = new Date('2026-01-02T10:00:02Z');
    await storage.appendExecutionHistory('s1', 'op-maestro', 'added 1 rooms', clock);
    const raw = await redis.client.hget(key('s1:op-maestro'), 'executionHistory');
    expect(raw).toBe(`${stored.slice(0, -1)},{"CreatedAt":"2026-01-02T10:00:02Z","Event":"added 1 rooms"}]`);
    expect((await storage.getOperation('s1', 'op-maestro')).executionHistory.map((e) => e.event)).toEqual(['Created', 'path a/b é "q"', 'added 1 rooms']);
  });

  it('starts an empty or missing history with the appended line', async () => {
    for (const [id, history] of [
      ['op-empty', '[]'],
      ['op-none', ''],
    ] as const) {
      await redis.client.hset(key(`s1:${id}`), {
        id,
        schedulerName: 's1',
        status: '0',
        definitionName: 'add_rooms',
        createdAt: '2026-01-02T10:00:00Z',
        definitionContents: '{}',
        executionHistory: history,
      });
      await storage.appendExecutionHistory('s1', id, 'Starting operation', clock);
      expect(await redis.client.hget(key(`s1:${id}`), 'executionHistory')).toBe(`[{"CreatedAt":"${'2026-01-02T10:00:02Z'}","Event":"Starting operation"}]`);
    }
  });

  it('answers not found for a missing operation', async () => {
    await expect(storage.getOperation('s1', 'nope')).rejects.toThrow(new NotFoundError('operation nope not found in scheduler s1'));
    await expect(storage.updateOperationStatus(anOperation({ id: 'nope', schedulerName: 's1', status: 'finished' }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(storage.appendExecutionHistory('s1', 'nope', 'x', clock)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('writes a status only if the stored one is the expected one; a canceled pending operation goes to history', async () => {
    const op = anOperation({ id: 'op-2', schedulerName: 's1' });
    await storage.createOperation(op);
    expect(await storage.updateOperationStatus({ ...op, status: 'canceled' }, { expected: 'pending' })).toBe(true);
    expect(await storage.updateOperationStatus({ ...op, status: 'in_progress' }, { expected: 'pending' })).toBe(false);
    expect((await storage.getOperation('s1', 'op-2')).status).toBe('canceled');
    expect(await redis.client.zscore(key('s1:lists:history'), 'op-2')).not.toBeNull();
    expect(await redis.client.zscore(key('s1:lists:active'), 'op-2')).toBeNull();
  });

  it('rewrites the definition input', async () => {
    const op = anOperation({ id: 'hc', schedulerName: 's1', definitionName: 'health_controller', input: {} });
    await storage.createOperation(op);
    await storage.updateOperationDefinition({ ...op, input: { took_action: true } });
    expect((await storage.getOperation('s1', 'hc')).input).toEqual({ took_action: true });
  });

  it('pages the final list by finish time, re-sorts the page by createdAt and hides no-action operations', async () => {
    // Created in order c1..c4 but finished in the order c3, c1, (c2 no action), c4.
    const ops = [1, 2, 3, 4].map((i) => anOperation({ id: `c${i}`, schedulerName: 's2', createdAt: new Date(Date.UTC(2026, 0, 3, 0, 0, i)) }));
    for (const op of ops) await storage.createOperation(op);
    await finishedAt(ops[2], new Date(Date.UTC(2026, 0, 4, 0, 0, 1)));
    await finishedAt(ops[0], new Date(Date.UTC(2026, 0, 4, 0, 0, 2)));
    await finishedAt(ops[1], new Date(Date.UTC(2026, 0, 4, 0, 0, 3)), true);
    await finishedAt(ops[3], new Date(Date.UTC(2026, 0, 4, 0, 0, 4)));
    const ids = async (page: number, sortOrder: 'asc' | 'desc') => {
      const result = await storage.listFinishedOperations('s2', { page, perPage: 2, sortOrder });
      expect(result.total).toBe(3);
      return result.operations.map((o) => o.id);
    };
    expect(await ids(1, 'desc')).toEqual(['c4', 'c1']);
    expect(await ids(2, 'desc')).toEqual(['c3']);
    expect(await ids(1, 'asc')).toEqual(['c1', 'c3']);
    expect(await ids(2, 'asc')).toEqual(['c4']);
    expect(await ids(3, 'asc')).toEqual([]);
    expect(await redis.client.zscore(key('s2:lists:noaction'), 'c2')).not.toBeNull();
  });

  it('forgets ids of expired operations on clean-up, in the history and no-action lists', async () => {
    const short = anOperation({ id: 'short', schedulerName: 's3' });
    const quiet = anOperation({ id: 'quiet', schedulerName: 's3' });
    const kept = anOperation({ id: 'kept', schedulerName: 's3' });
    for (const op of [short, quiet, kept]) await storage.createOperation(op, 60_000);
    await finishedAt(short, clock);
    await finishedAt(quiet, clock, true);
    await finishedAt(kept, clock);
    await redis.client.del(key('s3:short'), key('s3:quiet'));
    await storage.cleanExpiredOperations('s3');
    expect((await storage.listFinishedOperations('s3', { page: 1, perPage: 15, sortOrder: 'desc' })).operations.map((o) => o.id)).toEqual(['kept']);
    expect(await redis.client.zcard(key('s3:lists:noaction'))).toBe(0);
  });

  it('expires short-lived operation records', async () => {
    await storage.createOperation(anOperation({ id: 'ttl', schedulerName: 's4' }), 5_000);
    const ttl = await redis.client.pttl(key('s4:ttl'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });

  it('deletes the history list and its operations', async () => {
    const op = anOperation({ id: 'old', schedulerName: 's5' });
    const running = anOperation({ id: 'running', schedulerName: 's5' });
    await storage.createOperation(op);
    await storage.createOperation(running);
    await finishedAt(op, clock);
    await storage.updateOperationStatus({ ...running, status: 'in_progress' });
    await storage.deleteHistory('s5');
    await expect(storage.getOperation('s5', 'old')).rejects.toBeInstanceOf(NotFoundError);
    expect(await redis.client.exists(key('s5:lists:history'))).toBe(0);
    expect((await storage.listActiveOperations('s5')).map((o) => o.id)).toEqual(['running']);
    await expect(storage.deleteHistory('empty')).resolves.toBeUndefined();
  });
});
