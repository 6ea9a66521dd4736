import { anOperation, aScheduler } from '@maestro/testing';
import { silentLogger } from '../../ports/logger.port';
import type { OperationDefinition } from '../operation-definition';
import type { ExecutionContext } from '../operation-executor';
import { createSchedulerDefinition } from './create-scheduler/create-scheduler.definition';
import { CreateSchedulerExecutor } from './create-scheduler/create-scheduler.executor';
import { deleteSchedulerDefinition } from './delete-scheduler/delete-scheduler.definition';
import { DeleteSchedulerExecutor } from './delete-scheduler/delete-scheduler.executor';

/**
 * The executors that remove a scheduler from Postgres invalidate the cache only once the removal is
 * committed: an invalidation inside the transaction lets a concurrent read cache the doomed row.
 */
describe('cache invalidation when a scheduler is removed', () => {
  const scheduler = aScheduler().withName('game').build();

  function recorder() {
    const events: string[] = [];
    const schedulers = {
      getScheduler: async () => scheduler,
      updateScheduler: async () => void events.push('update'),
      deleteScheduler: async (_: string, andThen?: () => Promise<void>) => {
        events.push('delete');
        await andThen?.();
        events.push('commit');
      },
    };
    const lookup = { get: async () => scheduler, invalidate: async () => void events.push('invalidate') };
    return { events, schedulers, lookup };
  }

  function contextOf<Input>(definition: OperationDefinition<Input>, input: Input): ExecutionContext<Input> {
    return {
      operation: anOperation({ schedulerName: 'game', definitionName: definition.name, input: definition.toJson(input) }),
      input,
      signal: new AbortController().signal,
      logger: silentLogger,
      appendHistory: async () => undefined,
    };
  }

  it('delete_scheduler invalidates after the deletion committed', async () => {
    const { events, schedulers, lookup } = recorder();
    const ports = {
      schedulers,
      lookup,
      runtime: { deleteScheduler: async () => void events.push('runtime') },
      instances: { getInstanceCount: async () => 0 },
      operationStorage: { deleteHistory: async () => undefined },
    };
    await new DeleteSchedulerExecutor(ports as never).execute(contextOf(deleteSchedulerDefinition, {}));
    expect(events).toEqual(['delete', 'runtime', 'commit', 'invalidate']);
  });

  it('delete_scheduler succeeds when the cache cannot be invalidated after the commit', async () => {
    const { events, schedulers } = recorder();
    const ports = {
      schedulers,
      lookup: { get: async () => scheduler, invalidate: async () => Promise.reject(new Error('redis down')) },
      runtime: { deleteScheduler: async () => undefined },
      instances: { getInstanceCount: async () => 0 },
      operationStorage: { deleteHistory: async () => undefined },
    };
    await expect(new DeleteSchedulerExecutor(ports as never).execute(contextOf(deleteSchedulerDefinition, {}))).resolves.toBeUndefined();
    expect(events).toEqual(['delete', 'commit']);
  });

  it('the rollback of create_scheduler invalidates after deleting the new scheduler', async () => {
    const { events, schedulers, lookup } = recorder();
    await new CreateSchedulerExecutor({ schedulers, lookup, runtime: {} } as never).rollback(contextOf(createSchedulerDefinition, { scheduler }));
    expect(events).toEqual(['delete', 'commit', 'invalidate']);
  });
});
