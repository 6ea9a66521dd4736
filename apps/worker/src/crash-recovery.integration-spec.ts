import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { OperationName, OperationManager, SchedulerManager, systemClock } from '@maestro/domain';
import { startKubeSim, type KubeSim } from '@maestro/kube-sim';
import { Storage, sameRedisForAll } from '@maestro/storage';
import { TEST_AUTH_ENV, TestApp, aScheduler, createTestDatabase, createTestRedis, waitFor, type TestDatabase, type TestRedis } from '@maestro/testing';
import { WorkerRoot } from './worker.root';

const ROOT = path.resolve(__dirname, '../../..');

interface PodList {
  items: { metadata: { deletionTimestamp?: string } }[];
}

/** ARCHITECTURE.md invariant 2: a worker killed with -9 in the middle of add_rooms loses nothing. */
describe('a worker killed in the middle of an operation', () => {
  let sim: KubeSim;
  let db: TestDatabase;
  let redis: TestRedis;
  let storage: Storage;
  let doomed: ChildProcess;
  let survivor: TestApp | undefined;
  const env = () => ({
    MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: db.url,
    MAESTRO_ADAPTERS_REDIS_KEYPREFIX: redis.keyPrefix,
    MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG: sim.kubeconfigPath,
    MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_ENABLED: 'false',
    MAESTRO_WORKERS_SYNCINTERVAL: '200ms',
    MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '1s',
    MAESTRO_SERVICES_OPERATIONMANAGER_OPERATIONLEASETTLMILLIS: '1000',
    MAESTRO_OPERATIONS_ROOMS_ADD_BATCHSIZE: '1',
    MAESTRO_LOG_LEVEL: 'error',
    ...TEST_AUTH_ENV,
  });

  beforeAll(async () => {
    [db, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
    sim = await startKubeSim({
      port: 0,
      kubeconfigPath: `tmp/kube-sim-${process.pid}/crash.yaml`,
      timing: { scheduleMs: 5, containerCreatingMs: 30, readyMs: 30 },
    });
    storage = await Storage.connect({ postgresUrl: db.url, redis: sameRedisForAll(redis.url), keyPrefix: redis.keyPrefix });
  });

  afterAll(async () => {
    doomed?.kill('SIGKILL');
    await survivor?.running.close();
    await storage.close();
    await sim.stop();
    await Promise.all([db.drop(), redis.cleanup()]);
  });

  it('is recovered by another worker within lease TTL + a health cycle, and the fleet reaches its size', async () => {
    const operations = new OperationManager(
      {
        storage: storage.operations,
        flow: storage.flow,
        lease: storage.leases,
        cancellation: storage.cancellation,
        schedulers: storage.schedulers,
        clock: systemClock,
      },
      { operationsTtlMs: 86_400_000 },
    );
    const schedulers = new SchedulerManager({ storage: storage.schedulers, cache: storage.cache, rooms: storage.rooms, operations });
    const base = aScheduler().withName('crashy').withRoomsReplicas(0).build();
    await schedulers.createScheduler({ ...base, spec: { ...base.spec, terminationGracePeriodNs: 1e9 } });

    // The worker process itself (not a wrapper), so that SIGKILL hits it.
    doomed = spawn(process.execPath, ['-r', path.join(ROOT, 'tools/scripts/register.cjs'), 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env(), MAESTRO_INTERNALAPI_PORT: String(20_000 + (process.pid % 10_000)) },
      stdio: 'ignore',
    });
    await waitFor(async () => (await storage.schedulers.getScheduler('crashy')).state === 'in-sync', {
      timeoutMs: 30_000,
      description: 'created by the doomed worker',
    });

    // Pod creation is slowed down so that add_rooms (one room at a time) is caught in the middle.
    sim.faults.setApiFaults({ latencyMs: 300, verbs: ['create'], resources: ['pods'] });
    await schedulers.patchScheduler('crashy', { roomsReplicas: 10 });
    const addRooms = await waitFor(
      async () => {
        const active = await storage.operations.listActiveOperations('crashy');
        const running = active.find((op) => op.definitionName === OperationName.AddRooms);
        const pods = ((await (await fetch(`${sim.url}/api/v1/namespaces/crashy/pods`)).json()) as PodList).items.length;
        return running && pods >= 2 ? running : undefined;
      },
      { timeoutMs: 30_000, description: 'add_rooms running with some pods created' },
    );
    doomed.kill('SIGKILL');
    sim.faults.reset();

    survivor = await TestApp.start({
      component: 'worker',
      publicApi: false,
      sharing: { db, redis } as unknown as TestApp,
      root: (e, config) => WorkerRoot.forConfig(e, config),
      env: env(),
    });
    const recovered = await waitFor(
      async () => {
        const op = await storage.operations.getOperation('crashy', addRooms.id);
        // The history line is written right after the status: wait for both.
        return op.status === 'error' && op.executionHistory.some((e) => e.event.startsWith('Operation recovered')) ? op : undefined;
      },
      // Bull notices the dead worker's job after its lock expires (10 s), then the lease check applies;
      // how fast that goes is the chaos suite's and the benchmarks' business, not this test's.
      { timeoutMs: 30_000, description: 'the interrupted add_rooms ended' },
    );
    expect(recovered.executionHistory.map((e) => e.event)).toContain('Operation recovered: its worker stopped before it finished (lease expired)');
    await waitFor(
      async () => {
        const pods = ((await (await fetch(`${sim.url}/api/v1/namespaces/crashy/pods`)).json()) as PodList).items.filter((p) => !p.metadata.deletionTimestamp);
        return pods.length === 10 && (await storage.rooms.getRoomCount('crashy')) === 10;
      },
      { timeoutMs: 40_000, description: '10 pods and 10 rooms' },
    );
  });
});
