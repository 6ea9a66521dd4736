import { aScheduler, InMemorySchedulerCache } from '@maestro/testing';
import { NotFoundError } from '../errors/domain-error';
import type { OperationDefinition } from '../operations/operation-definition';
import { SchedulerManager } from './scheduler-manager';

describe('SchedulerManager.deleteScheduler', () => {
  it('decides on Postgres, not on a stale cached copy of a scheduler that no longer exists', async () => {
    const ghost = aScheduler().withName('taken').build();
    const cache = new InMemorySchedulerCache();
    // A ping cached the scheduler while its create_scheduler was failing; the rollback removed the row.
    const { generation } = await cache.read('taken');
    await cache.setScheduler(ghost, 60_000, generation);
    const enqueued: OperationDefinition<unknown>[] = [];
    const manager = new SchedulerManager({
      storage: {
        getScheduler: async (name: string) => {
          throw new NotFoundError(`scheduler ${name} not found`);
        },
      },
      cache,
      rooms: {},
      operations: { createOperation: async (_: string, definition: OperationDefinition<unknown>) => (enqueued.push(definition), { id: 'op' }) },
    } as never);

    const deletion = manager.deleteScheduler('taken');

    await expect(deletion).rejects.toBeInstanceOf(NotFoundError);
    await expect(deletion).rejects.toThrow('no scheduler found, can not delete nonexistent scheduler: scheduler taken not found');
    expect(enqueued).toEqual([]);
  });
});
