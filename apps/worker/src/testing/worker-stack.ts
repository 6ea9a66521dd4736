import { createServer, type Server } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { OperationManager, type PingStatus, RoomStatusService, SchedulerLookup, SchedulerManager, silentLogger, systemClock } from '@maestro/domain';
import { startKubeSim, type KubeSim } from '@maestro/kube-sim';
import { Storage, sameRedisForAll } from '@maestro/storage';
import { TestApp } from '@maestro/testing';
import { WorkerRoot } from '../worker.root';

/**
 * A worker on kube-sim, plus what stands in for the other apps: the domain use cases of the
 * management API and a minimal rooms API (ping route) on the same database and Redis prefix.
 */
export class WorkerStack {
  private constructor(
    readonly sim: KubeSim,
    readonly worker: TestApp,
    readonly storage: Storage,
    readonly schedulers: SchedulerManager,
    readonly operations: OperationManager,
    private readonly roomsApi: Server,
  ) {}

  /** Starts the stack; `wrapRoot` may change the worker's composition root (e.g. to wrap a port). */
  static async start(env: Record<string, string> = {}, wrapRoot: (root: DynamicModule) => DynamicModule = (root) => root): Promise<WorkerStack> {
    const roomsApi = createServer();
    await new Promise<void>((resolve) => roomsApi.listen(0, '127.0.0.1', resolve));
    const sim = await startKubeSim({
      port: 0,
      kubeconfigPath: `tmp/kube-sim-${process.pid}/worker-${Date.now()}.yaml`,
      roomsApiUrl: `http://127.0.0.1:${(roomsApi.address() as AddressInfo).port}`,
      timing: { scheduleMs: 5, containerCreatingMs: 30, readyMs: 30 },
    });
    const worker = await TestApp.start({
      component: 'worker',
      publicApi: false,
      root: (e, config) => wrapRoot(WorkerRoot.forConfig(e, config)),
      env: {
        MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_KUBECONFIG: sim.kubeconfigPath,
        MAESTRO_ADAPTERS_RUNTIME_KUBERNETES_TOPOLOGYSPREADCONSTRAINT_ENABLED: 'false',
        MAESTRO_WORKERS_SYNCINTERVAL: '200ms',
        MAESTRO_WORKERS_HEALTHCONTROLLERINTERVAL: '500ms',
        MAESTRO_SERVICES_OPERATIONMANAGER_OPERATIONLEASETTLMILLIS: '1000',
        ...env,
      },
    });
    const storage = await Storage.connect({ postgresUrl: worker.db.url, redis: sameRedisForAll(worker.redis.url), keyPrefix: worker.redis.keyPrefix });
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
    const statuses = new RoomStatusService(
      {
        rooms: storage.rooms,
        instances: storage.instances,
        schedulers: new SchedulerLookup(storage.cache, storage.schedulers, 1_000),
        clock: systemClock,
        logger: silentLogger,
      },
      { allocationTtlMs: 300_000 },
    );
    const ping = async (url: string, body: string): Promise<boolean> => {
      const [, , schedulerName, , roomId] = url.split('/');
      const { status, runningMatches } = JSON.parse(body) as { status: Exclude<PingStatus, 'unknown'>; runningMatches: number };
      return statuses.ping({ schedulerName, roomId, pingStatus: status, runningMatches, metadata: {}, at: new Date() });
    };
    roomsApi.on('request', (req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        ping(req.url ?? '', body).then(
          (success) => res.end(JSON.stringify({ success })),
          (error: unknown) => res.writeHead(500).end(JSON.stringify({ message: String(error) })),
        );
      });
    });
    return new WorkerStack(sim, worker, storage, schedulers, operations, roomsApi);
  }

  private workerStopped?: Promise<void>;

  /** Shuts the worker app down as a SIGTERM would (its shutdown hooks run); once. */
  stopWorker(): Promise<void> {
    this.workerStopped ??= this.worker.running.close();
    return this.workerStopped;
  }

  async stop(): Promise<void> {
    await this.stopWorker();
    await this.storage.close();
    await this.sim.stop();
    await new Promise<void>((resolve, reject) => this.roomsApi.close((error) => (error ? reject(error) : resolve())));
    await Promise.all([this.worker.db.drop(), this.worker.redis.cleanup()]);
  }

  /** GET of a kube-sim path (status and JSON body). */
  async kube(path: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.sim.url}${path}`);
    return { status: response.status, body: await response.json() };
  }
}
