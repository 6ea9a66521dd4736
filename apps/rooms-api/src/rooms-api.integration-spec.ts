import { TestApp } from '@maestro/testing';
import { RoomsApiRoot } from './rooms-api.root';

describe('rooms-api process', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ component: 'rooms-api', publicApi: true, root: (env, config) => RoomsApiRoot.forConfig(env, config) });
  });

  afterAll(() => app.stop());

  it('boots and answers liveness and readiness on its internal port', async () => {
    expect(await app.internal('/healthz')).toEqual({ status: 200, body: 'OK' });
    expect(await app.internal('/readyz')).toEqual({ status: 200, body: 'OK' });
    expect((await app.internal('/metrics')).body).toContain('process_cpu_seconds_total');
  });
});
