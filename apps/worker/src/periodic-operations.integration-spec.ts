import { OperationName } from '@maestro/domain';
import { TestApp, aScheduler, waitFor } from '@maestro/testing';
import { WorkerStack } from './testing/worker-stack';
import { WorkerRoot } from './worker.root';

const INTERVAL_MS = 300;
const OBSERVED_MS = 3_000;

/** Two worker replicas tick on their own clocks: the health controller is still enqueued once per period. */
describe('periodic operations with two worker replicas', () => {
  let stack: WorkerStack;
  let second: TestApp;
  const env = { MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: `${INTERVAL_MS}ms` };

  beforeAll(async () => {
    stack = await WorkerStack.start(env);
    second = await TestApp.start({
      component: 'worker',
      publicApi: false,
      sharing: stack.worker,
      root: (e, config) => WorkerRoot.forConfig(e, config),
      env: { MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG: stack.sim.kubeconfigPath, MAESTRO_WORKERS_SYNCINTERVAL: '200ms', ...env },
    });
  });

  afterAll(async () => {
    await second.running.close();
    await stack.stop();
  });

  /** Health controller operations ever created for the scheduler (finished, no-action or waiting). */
  async function healthControllerCount(name: string): Promise<number> {
    const { client, keyPrefix } = stack.worker.redis;
    const keys = await client.keys(`${keyPrefix}operations:${name}:*`);
    const names = await Promise.all(
      keys.filter((key) => !key.includes(':lists:') && !key.endsWith(':operationsLease')).map((key) => client.hget(key, 'definitionName')),
    );
    return names.filter((definition) => definition === OperationName.HealthController).length;
  }

  it('enqueues one health controller per period, not one per replica', async () => {
    await stack.schedulers.createScheduler(aScheduler().withName('periodic').build());
    await waitFor(async () => (await healthControllerCount('periodic')) > 0, { timeoutMs: 20_000, description: 'the first health controller' });
    const before = await healthControllerCount('periodic');
    await new Promise((resolve) => setTimeout(resolve, OBSERVED_MS));
    const enqueued = (await healthControllerCount('periodic')) - before;
    // Claims last 80% of the period, so at most OBSERVED / (0.8 x INTERVAL) + 1 = 13 turns; two
    // replicas enqueueing on their own would come close to 2 x OBSERVED / INTERVAL = 20.
    expect(enqueued).toBeLessThanOrEqual(Math.floor(OBSERVED_MS / (0.8 * INTERVAL_MS)) + 1);
    expect(enqueued).toBeGreaterThanOrEqual(Math.floor(OBSERVED_MS / INTERVAL_MS / 2));
  });
});
