import path from 'node:path';
import { Client } from 'pg';
import { TEST_AUTH, TEST_AUTH_ENV, TEST_POSTGRES_SERVER, type TestRedis, createTestRedis, simulatedSchedulerRequest, waitFor } from '@maestro/testing';
import { ComponentProcess, freePort } from './testing/component-process';
import { WORKSPACE_ROOT, stageProductionRuntime } from './testing/production-runtime';

const ONE_MINUTE = 60_000;

/** A GET as the test's admin (TEST_AUTH's bootstrap token: the apps run with authentication on). */
async function getJson(url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${TEST_AUTH.bootstrapToken}` } });
  return { status: response.status, body: await response.json() };
}

/** Waits until `url` answers 200; fails at once, with the component's output, if it exits first. */
async function waitUntilServing(component: ComponentProcess, url: string): Promise<void> {
  await waitFor(
    async () => {
      if (!component.running) throw new Error(`${component.component} exited:\n${component.log().slice(-3000)}`);
      return (await fetch(url)).ok;
    },
    { timeoutMs: 30_000, intervalMs: 100, description: `${component.component} at ${url}` },
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${component.log().slice(-3000)}`);
  });
}

/**
 * The production build run as the image runs it: the compiled components (nx run-many -t build)
 * beside the production dependencies only (what `npm ci --omit=dev` installs), each started by
 * docker/entrypoint.sh with plain node, against a fresh database and Redis prefix.
 */
describe('the production build, run as the image runs it', () => {
  const appDir = path.join(WORKSPACE_ROOT, 'tmp', 'production-runtime');
  const database = `maestro_build_${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = `${TEST_POSTGRES_SERVER}/${database}`;
  const started: ComponentProcess[] = [];
  let redis: TestRedis;
  let ports: { kubeSim: number; management: number; managementInternal: number; rooms: number; roomsInternal: number; worker: number };
  let maestroEnv: Record<string, string>;

  const start = (component: string, args: string[] = [], env: Record<string, string> = {}): ComponentProcess => {
    const process = ComponentProcess.start(appDir, component, args, { ...maestroEnv, ...env });
    started.push(process);
    return process;
  };

  beforeAll(async () => {
    stageProductionRuntime(appDir);
    redis = await createTestRedis();
    ports = {
      kubeSim: await freePort(),
      management: await freePort(),
      managementInternal: await freePort(),
      rooms: await freePort(),
      roomsInternal: await freePort(),
      worker: await freePort(),
    };
    maestroEnv = {
      MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: databaseUrl,
      MAESTRO_ADAPTERS_REDIS_KEYPREFIX: redis.keyPrefix,
      MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG: path.join(appDir, `kubeconfig-${database}.yaml`),
      MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_ENABLED: 'false',
      MAESTRO_WORKERS_SYNCINTERVAL: '500ms',
      MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '1s',
      MAESTRO_WORKERS_STOPTIMEOUTDURATION: '5s',
      MAESTRO_LOG_LEVEL: 'warn',
      ...TEST_AUTH_ENV,
    };
  }, ONE_MINUTE);

  afterAll(async () => {
    for (const component of started) component.kill();
    await Promise.all(started.map((component) => component.exited));
    await redis?.cleanup();
    const admin = new Client({ connectionString: `${TEST_POSTGRES_SERVER}/postgres` });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  });

  it('migrate creates the database, applies the migrations and exits 0', async () => {
    const migrate = start('migrate');
    expect(await migrate.exited).toEqual({ code: 0, signal: null });
    expect(JSON.parse(migrate.log())).toMatchObject({ msg: 'migrations applied', applied: expect.arrayContaining([expect.any(String)]) });
  });

  it(
    'kube-sim and the three apps start and answer /healthz on their internal ports',
    async () => {
      const kubeSim = start('kube-sim', [
        '--host',
        '127.0.0.1',
        '--port',
        String(ports.kubeSim),
        '--kubeconfig',
        maestroEnv.MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG,
        '--rooms-api-url',
        `http://127.0.0.1:${ports.rooms}`,
      ]);
      await waitUntilServing(kubeSim, `http://127.0.0.1:${ports.kubeSim}/version`);
      const apps = [
        {
          app: start('management-api', [], { MAESTRO_API_PORT: String(ports.management), MAESTRO_INTERNALAPI_PORT: String(ports.managementInternal) }),
          internal: ports.managementInternal,
        },
        {
          app: start('rooms-api', [], { MAESTRO_API_PORT: String(ports.rooms), MAESTRO_INTERNALAPI_PORT: String(ports.roomsInternal) }),
          internal: ports.roomsInternal,
        },
        { app: start('worker', [], { MAESTRO_INTERNALAPI_PORT: String(ports.worker) }), internal: ports.worker },
      ];
      await Promise.all(apps.map(({ app, internal }) => waitUntilServing(app, `http://127.0.0.1:${internal}/healthz`)));
    },
    ONE_MINUTE,
  );

  it(
    'creates a scheduler through the management API, and the worker gives it a ready room in kube-sim',
    async () => {
      const name = 'production-build';
      const request = simulatedSchedulerRequest(name, { roomsReplicas: 1, environment: { ROOM_READY_AFTER_MS: '100', ROOM_PING_INTERVAL_MS: '500' } });
      const created = await fetch(`http://127.0.0.1:${ports.management}/schedulers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_AUTH.bootstrapToken}` },
        body: JSON.stringify(request),
      });
      expect(created.status).toBe(200);
      const fetched = await getJson(`http://127.0.0.1:${ports.management}/schedulers/${name}`);
      expect(fetched).toMatchObject({ status: 200, body: { scheduler: { name, game: 'simulated', roomsReplicas: 1 } } });
      // The worker created the room's pod in kube-sim, whose simulated room pinged the rooms API.
      await waitFor(
        async () => {
          const { body } = await getJson(`http://127.0.0.1:${ports.management}/schedulers/info`);
          return (body.schedulers as { name: string; roomsReady: number }[]).find((s) => s.name === name)?.roomsReady === 1;
        },
        { timeoutMs: 45_000, intervalMs: 200, description: 'one ready room' },
      );
    },
    ONE_MINUTE,
  );

  it(
    'every component exits 0 on SIGTERM (node is the process the signal reaches)',
    async () => {
      const running = started.filter((component) => component.running);
      expect(running.map((component) => component.component)).toEqual(['kube-sim', 'management-api', 'rooms-api', 'worker']);
      // The apps first (the worker may still talk to the cluster while it stops), kube-sim last.
      const [kubeSim, ...apps] = running;
      const appExits = await Promise.all(apps.map((app) => app.stop()));
      const exits = [...appExits, await kubeSim.stop()];
      expect(exits).toEqual(Array(4).fill({ code: 0, signal: null }));
    },
    ONE_MINUTE,
  );
});
