import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WatchHub } from './api/watch-stream';
import { writeKubeconfig } from './kubeconfig';
import { createKubeSimServer } from './server';
import { SimulatedCluster } from './sim/cluster';
import { FaultController } from './sim/faults';
import type { PodRuntime } from './sim/kubelet';
import type { NodeCapacity } from './sim/nodes';
import { RoomSimulator } from './sim/room-simulator';
import { ObjectStore } from './store/object-store';

export { FaultController } from './sim/faults';
export type { ApiFaults } from './sim/faults';
export { ROOM_SIMULATOR_IMAGE } from './sim/room-simulator';
export type { NodeCapacity } from './sim/nodes';

export interface KubeSimOptions {
  /** 0 = a random free port; 8001 when run as a process. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 3. */
  nodes?: number;
  /** Default 8 cpu, 32Gi, 110 pods per node. */
  nodeCapacity?: NodeCapacity;
  /** Default `.kube-sim/kubeconfig.yaml` in the working directory. */
  kubeconfigPath?: string;
  /** Lifecycle delays: created -> scheduled -> containers running -> ready. */
  timing?: { scheduleMs?: number; containerCreatingMs?: number; readyMs?: number };
  /** Simulated game rooms for `maestro/room-simulator` pods (enabled by default). */
  roomSimulator?: { enabled?: boolean; roomsApiUrl?: string };
  /** Rooms API URL for simulated rooms whose pod has no ROOMS_API_URL variable (same as roomSimulator.roomsApiUrl). */
  roomsApiUrl?: string;
  /** How often watches that allow bookmarks get one (default 5 s). */
  bookmarkIntervalMs?: number;
  /** URL written to the kubeconfig when clients reach kube-sim by another name (containers). */
  advertiseUrl?: string;
  /** How many changes watches can resume from (default 20,000; older resourceVersions get 410 Gone). */
  watchHistory?: number;
}

export interface KubeSim {
  /** `http://<host>:<port>` */
  url: string;
  kubeconfigPath: string;
  /** Same operations as the HTTP control endpoint under /_sim/. */
  faults: FaultController;
  stop(): Promise<void>;
}

const NO_RUNTIME: PodRuntime = { started: () => undefined, stopping: () => undefined };

/** Starts kube-sim in this process: the API server, simulated nodes and kubelets, and a kubeconfig for it. */
export async function startKubeSim(options: KubeSimOptions = {}): Promise<KubeSim> {
  const host = options.host ?? '127.0.0.1';
  const store = new ObjectStore(options.watchHistory);
  const faults = new FaultController();
  const simulator = new RoomSimulator(options.roomSimulator?.roomsApiUrl ?? options.roomsApiUrl);
  const watches = new WatchHub();
  const timing = { scheduleMs: 10, containerCreatingMs: 100, readyMs: 100, ...options.timing };
  const cluster = new SimulatedCluster(store, faults, timing, options.roomSimulator?.enabled === false ? NO_RUNTIME : simulator);
  cluster.addNodes(options.nodes ?? 3, options.nodeCapacity ?? { cpu: '8', memory: '32Gi', pods: 110 });
  faults.bind({
    dropWatches: () => watches.dropAll(),
    loseNode: (name) => cluster.loseNode(name),
    restoreNodes: () => cluster.restoreNodes(),
    compact: () => store.compact(),
  });
  const server = createKubeSimServer({ store, cluster, faults, simulator, watches, bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5_000 });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const kubeconfigPath = path.resolve(options.kubeconfigPath ?? path.join('.kube-sim', 'kubeconfig.yaml'));
  writeKubeconfig(kubeconfigPath, options.advertiseUrl ?? url);
  return {
    url,
    kubeconfigPath,
    faults,
    stop: async () => {
      cluster.stop();
      simulator.stop();
      watches.dropAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
