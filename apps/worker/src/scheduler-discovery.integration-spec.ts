import { aScheduler, waitFor } from '@maestro/testing';
import { WorkerStack } from './testing/worker-stack';

/**
 * A new scheduler is worked on as soon as its create_scheduler is enqueued, not at the next periodic
 * sync, and gets its rooms from a first health controller, not one interval later.
 */
describe('scheduler discovery', () => {
  let stack: WorkerStack;

  beforeAll(async () => {
    // The periodic sync is out of the picture: only the enqueue notification can start the worker.
    stack = await WorkerStack.start({ MAESTRO_WORKERS_SYNCINTERVAL: '1h', MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '1h' });
  });

  afterAll(() => stack.stop());

  it('executes the create_scheduler of a scheduler created after the worker started, then creates its rooms', async () => {
    const { operation } = await stack.schedulers.createScheduler(aScheduler().withName('discovered').withRoomsReplicas(2).build());
    const finished = await waitFor(
      async () => {
        const current = await stack.operations.getOperation('discovered', operation.id);
        return current.status === 'finished' ? current : undefined;
      },
      { timeoutMs: 15_000, description: 'create_scheduler finished' },
    );
    expect(finished.definitionName).toBe('create_scheduler');
    await waitFor(async () => (await stack.kube('/api/v1/namespaces/discovered/pods')).body.items?.length === 2, {
      timeoutMs: 15_000,
      description: 'the two rooms of the first health controller',
    });
  });
});
