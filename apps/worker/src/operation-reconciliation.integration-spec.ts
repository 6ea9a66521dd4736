import { SCHEDULER_LOCK, type SchedulerLock, testOperationDefinition } from '@maestro/domain';
import { operationQueueName } from '@maestro/storage';
import { TestApp, aScheduler, waitFor } from '@maestro/testing';
import Queue from 'bull';
import { WorkerStack } from './testing/worker-stack';
import { WorkerRoot } from './worker.root';

/** A scheduler lock that fails (as Redis would) while `failing` is set, and is the real one otherwise. */
class SwitchableLock implements SchedulerLock {
  failing = false;
  real?: SchedulerLock;

  private lock(): SchedulerLock {
    if (this.failing) throw new Error("READONLY You can't write against a read only replica.");
    if (!this.real) throw new Error('no lock yet');
    return this.real;
  }

  tryAcquire: SchedulerLock['tryAcquire'] = async (...args) => this.lock().tryAcquire(...args);
  renew: SchedulerLock['renew'] = async (...args) => this.lock().renew(...args);
  release: SchedulerLock['release'] = async (...args) => this.lock().release(...args);
  claimPeriod: SchedulerLock['claimPeriod'] = async (...args) => this.lock().claimPeriod(...args);
}

/** docs/architecture.md invariant 2: operations whose Bull job was lost are queued again and run. */
describe('operation reconciliation on Redis and Bull', () => {
  const lock = new SwitchableLock();
  let stack: WorkerStack;

  beforeAll(async () => {
    stack = await WorkerStack.start({}, (root) => ({ ...root, providers: [...(root.providers ?? []), { provide: SCHEDULER_LOCK, useValue: lock }] }));
    lock.real = stack.storage.schedulerLock;
  });

  afterAll(() => stack.stop());

  const status = async (name: string, id: string) => (await stack.operations.getOperation(name, id)).status;
  const inSync = (name: string) =>
    waitFor(async () => (await stack.storage.schedulers.getScheduler(name)).state === 'in-sync', { timeoutMs: 20_000, description: `${name} created` });

  it('runs an operation whose delivery failed waiting for the scheduler lock (Redis errors)', async () => {
    await stack.schedulers.createScheduler(aScheduler().withName('locky').withRoomsReplicas(0).build());
    await inSync('locky');
    lock.failing = true;
    const op = await stack.operations.createOperation('locky', testOperationDefinition, { sleepSeconds: 0 });
    // The delivery fails to take the lock and is given up: Bull no longer has the job.
    await waitFor(async () => !(await stack.storage.flow.isQueued('locky', op.id)), { timeoutMs: 20_000, description: 'the job gone from Bull' });
    expect(await status('locky', op.id)).toBe('pending');
    lock.failing = false;
    await waitFor(async () => (await status('locky', op.id)) === 'finished', { timeoutMs: 20_000, description: 'the operation finished' });
  });

  it('runs an operation whose job stalled twice (Bull dropped it), once a worker is back', async () => {
    await stack.schedulers.createScheduler(aScheduler().withName('stally').withRoomsReplicas(0).build());
    await inSync('stally');
    await stack.stopWorker();
    // Only the operation under test in the queue (a health controller may wait there; the reconciler queues it again later).
    for (const id of await stack.storage.flow.listPendingOperationIds('stally')) await stack.storage.flow.removeOperationId('stally', id);
    const op = await stack.operations.createOperation('stally', testOperationDefinition, { sleepSeconds: 0 });

    // A consumer that takes the job and dies, twice, as Bull sees it: the job is active, its lock
    // expires, the stalled-job check puts it back (stalled once) and then fails and removes it.
    const { url, keyPrefix } = stack.worker.redis;
    const dying = new Queue(operationQueueName('stally'), url, {
      prefix: `${keyPrefix}bull`,
      settings: { lockDuration: 100, stalledInterval: 1, maxStalledCount: 1 },
    });
    // Bull's own stalled-job check (what a consuming queue runs every stalledInterval); not in its typings.
    const checkStalled = () => (dying as unknown as { moveUnlockedJobsToWait(): Promise<void> }).moveUnlockedJobsToWait();
    try {
      for (let stall = 1; stall <= 2; stall += 1) {
        const job = await dying.getNextJob();
        expect(job?.id).toBe(op.id);
        await waitFor(
          async () => {
            await checkStalled();
            return (await dying.getActive()).length === 0;
          },
          // The stopped worker's last check may hold off the next one for its interval (5 s).
          { timeoutMs: 15_000, description: `stall ${stall} noticed` },
        );
      }
      expect(await dying.getJob(op.id)).toBeNull();
    } finally {
      await dying.close();
    }
    expect(await status('stally', op.id)).toBe('pending');

    const worker = await TestApp.start({
      component: 'worker',
      publicApi: false,
      sharing: stack.worker,
      root: (e, config) => WorkerRoot.forConfig(e, config),
      env: {
        MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG: stack.sim.kubeconfigPath,
        MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_ENABLED: 'false',
        MAESTRO_WORKERS_SYNCINTERVAL: '200ms',
        MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '500ms',
      },
    });
    try {
      await waitFor(async () => (await status('stally', op.id)) === 'finished', { timeoutMs: 20_000, description: 'the operation finished' });
    } finally {
      await worker.running.close();
    }
  });
});
