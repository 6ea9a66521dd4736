import { anOperation, aScheduler } from '@maestro/testing';
import { silentLogger } from '../../../ports/logger.port';
import { NotFoundError } from '../../../errors/domain-error';
import type { EmptyInput } from '../../operation-definition';
import type { ExecutionContext } from '../../operation-executor';
import { DeleteSchedulerExecutor } from './delete-scheduler.executor';

describe('DeleteSchedulerExecutor waiting for the rooms to go', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  /** Runs a deletion whose instance count at each moment is `instancesAt(ms since start)`. */
  async function run(tgpSeconds: number, instancesAt: (elapsedMs: number) => number) {
    const scheduler = aScheduler().build();
    scheduler.spec.terminationGracePeriodNs = tgpSeconds * 1e9;
    const reads: number[] = [];
    const executor = new DeleteSchedulerExecutor({
      lookup: { invalidate: async () => undefined },
      schedulers: { getScheduler: async () => scheduler, deleteScheduler: async (_name: string, andThen: () => Promise<void>) => andThen() },
      runtime: { deleteScheduler: async () => undefined },
      instances: {
        getInstanceCount: async () => {
          reads.push(Date.now());
          return instancesAt(Date.now());
        },
      },
      operationStorage: { deleteHistory: async () => undefined },
    } as never);
    const history: string[] = [];
    const context = {
      operation: anOperation({ definitionName: 'delete_scheduler', input: {} }),
      input: {},
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async (line: string) => void history.push(line),
    } as ExecutionContext<EmptyInput>;
    let endedAt: number | undefined;
    const done = executor.execute(context).then(() => void (endedAt = Date.now()));
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    await done;
    return { history, endedAt, reads };
  }

  it('writes the count it just read once per grace period, and the final 0 as soon as the pods are gone', async () => {
    const { history, endedAt } = await run(30, (ms) => (ms < 20_000 ? 20 : ms < 45_000 ? 10 : 0));
    expect(history).toEqual(['Waiting for instances to be deleted: 10', 'Waiting for instances to be deleted: 0']);
    expect(endedAt).toBe(45_000);
  });

  it('writes nothing when no instance is left', async () => {
    const { history, reads } = await run(30, () => 0);
    expect(history).toEqual([]);
    expect(reads).toHaveLength(1);
  });

  it('gives up after one grace period per initial instance (30 s when unset), only logging it', async () => {
    const { history, endedAt } = await run(0, () => 2);
    expect(history).toEqual(['Waiting for instances to be deleted: 2', 'Waiting for instances to be deleted: 2']);
    expect(endedAt).toBe(60_000);
  });
});

describe('DeleteSchedulerExecutor deciding to delete', () => {
  it('reads the scheduler from Postgres, never from the cache: a stale cached copy deletes nothing', async () => {
    const stale = aScheduler().withName('taken').build();
    const deleted: string[] = [];
    const history: string[] = [];
    const executor = new DeleteSchedulerExecutor({
      lookup: { get: async () => stale, invalidate: async () => undefined },
      schedulers: {
        getScheduler: async (name: string) => {
          throw new NotFoundError(`scheduler ${name} not found`);
        },
        deleteScheduler: async () => void deleted.push('rows'),
      },
      runtime: { deleteScheduler: async () => void deleted.push('namespace') },
      instances: { getInstanceCount: async () => 0 },
      operationStorage: { deleteHistory: async () => undefined },
    } as never);
    const context = {
      operation: anOperation({ schedulerName: 'taken', definitionName: 'delete_scheduler', input: {} }),
      input: {},
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async (line: string) => void history.push(line),
    } as ExecutionContext<EmptyInput>;

    await expect(executor.execute(context)).rejects.toBeInstanceOf(NotFoundError);
    expect(deleted).toEqual([]);
    expect(history).toEqual(['error fetching scheduler for deletion: scheduler taken not found']);
  });
});

describe('DeleteSchedulerExecutor and the Postgres transaction', () => {
  it('waits for the rooms to go after the transaction committed, holding no connection meanwhile', async () => {
    const scheduler = aScheduler().withName('fleet').build();
    const events: string[] = [];
    let instances = 2;
    const executor = new DeleteSchedulerExecutor({
      lookup: { invalidate: async () => void events.push('invalidate') },
      schedulers: {
        getScheduler: async () => scheduler,
        deleteScheduler: async (_name: string, andThen: () => Promise<void>) => {
          events.push('begin');
          await andThen();
          events.push('commit');
        },
      },
      runtime: { deleteScheduler: async () => void events.push('namespace') },
      instances: {
        getInstanceCount: async () => {
          events.push(`count ${instances}`);
          return instances--;
        },
      },
      operationStorage: { deleteHistory: async () => void events.push('history') },
    } as never);
    const context = {
      operation: anOperation({ schedulerName: 'fleet', definitionName: 'delete_scheduler', input: {} }),
      input: {},
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async () => undefined,
    } as ExecutionContext<EmptyInput>;
    jest.useFakeTimers();
    try {
      const done = executor.execute(context);
      await jest.advanceTimersByTimeAsync(10_000);
      await done;
    } finally {
      jest.useRealTimers();
    }
    expect(events).toEqual(['begin', 'namespace', 'commit', 'invalidate', 'count 2', 'count 1', 'count 0', 'history']);
  });
});
