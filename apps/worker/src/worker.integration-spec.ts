import { TestApp } from '@maestro/testing';
import { WorkerRoot } from './worker.root';

describe('worker process', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ component: 'worker', publicApi: false, root: (env, config) => WorkerRoot.forConfig(env, config) });
  });

  afterAll(() => app.stop());

  it('boots and answers liveness and readiness on its internal port', async () => {
    expect(await app.internal('/healthz')).toEqual({ status: 200, body: 'OK' });
    expect(await app.internal('/readyz')).toEqual({ status: 200, body: 'OK' });
    expect((await app.internal('/metrics')).body).toContain('process_cpu_seconds_total');
  });
});
