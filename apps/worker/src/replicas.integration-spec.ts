import { testOperationDefinition } from '@maestro/domain';
import { TestApp, aScheduler, waitFor } from '@maestro/testing';
import { WorkerStack } from './testing/worker-stack';
import { WorkerRoot } from './worker.root';

const SCHEDULERS = 20;
const OPERATIONS_PER_SCHEDULER = 4;

/** ARCHITECTURE.md invariant 1: two worker replicas never overlap on one scheduler. */
describe('two worker replicas over 20 schedulers', () => {
  let stack: WorkerStack;
  let second: TestApp;

  beforeAll(async () => {
    stack = await WorkerStack.start({ MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '1h' });
    second = await TestApp.start({
      component: 'worker',
      publicApi: false,
      sharing: stack.worker,
      root: (env, config) => WorkerRoot.forConfig(env, config),
      env: {
        MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG: stack.sim.kubeconfigPath,
        MAESTRO_WORKERS_SYNCINTERVAL: '200ms',
        MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '1h',
        MAESTRO_SERVICES_OPERATIONMANAGER_OPERATIONLEASETTLMILLIS: '1000',
      },
    });
  });

  afterAll(async () => {
    await second.running.close();
    await stack.stop();
  });

  it('executes every operation of a scheduler one at a time, whichever replica takes it', async () => {
    const names = Array.from({ length: SCHEDULERS }, (_, i) => `replica-${i}`);
    for (const name of names) await stack.schedulers.createScheduler(aScheduler().withName(name).build());
    const ids: [string, string][] = [];
    for (let round = 0; round < OPERATIONS_PER_SCHEDULER; round++) {
      for (const name of names) {
        const op = await stack.operations.createOperation(name, testOperationDefinition, { sleepSeconds: 0.05 });
        ids.push([name, op.id]);
      }
    }
    const finished = async () => {
      const all = await Promise.all(ids.map(([name, id]) => stack.operations.getOperation(name, id)));
      return all.every((op) => op.status === 'finished') ? all : undefined;
    };
    const operations = await waitFor(finished, { timeoutMs: 60_000, description: 'every test operation finished' });
    for (const name of names) {
      const intervals = operations
        .filter((op) => op.schedulerName === name)
        .map((op) => {
          const at = (event: string) => op.executionHistory.find((e) => e.event === event)?.createdAt.getTime() ?? NaN;
          return [at('Starting operation'), at('Operation finished')] as const;
        })
        .sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < intervals.length; i++) expect(intervals[i][0]).toBeGreaterThanOrEqual(intervals[i - 1][1]);
    }
  });
});
