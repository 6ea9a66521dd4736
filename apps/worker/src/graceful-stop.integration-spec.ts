import { testOperationDefinition } from '@maestro/domain';
import { aScheduler, waitFor } from '@maestro/testing';
import { WorkerStack } from './testing/worker-stack';

/** A worker stopping (deploy, scale-in) lets running operations finish within workers.stopTimeout. */
describe('worker shutdown', () => {
  let stack: WorkerStack;

  beforeAll(async () => {
    stack = await WorkerStack.start({ MAESTRO_WORKERS_STOPTIMEOUTDURATION: '3s', MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '1h' });
  });

  afterAll(() => stack.stop());

  it('finishes the operation that fits in the stop timeout and cancels the one that does not', async () => {
    for (const name of ['short', 'long']) await stack.schedulers.createScheduler(aScheduler().withName(name).build());
    const short = await stack.operations.createOperation('short', testOperationDefinition, { sleepSeconds: 1 });
    const long = await stack.operations.createOperation('long', testOperationDefinition, { sleepSeconds: 1000 });
    const status = async (name: string, id: string) => (await stack.operations.getOperation(name, id)).status;
    await waitFor(async () => (await status('short', short.id)) === 'in_progress' && (await status('long', long.id)) === 'in_progress', {
      timeoutMs: 20_000,
      description: 'both operations running',
    });

    await stack.stopWorker();

    expect(await status('short', short.id)).toBe('finished');
    const ended = await stack.operations.getOperation('long', long.id);
    expect(ended.status).toBe('canceled');
    expect(ended.executionHistory.map((e) => e.event)).toEqual(
      expect.arrayContaining(['context canceled', 'Starting operation rollback', 'Operation finished']),
    );
    expect(ended.executionHistory.map((e) => e.event)).not.toContain('operation execution failed');
  });
});
