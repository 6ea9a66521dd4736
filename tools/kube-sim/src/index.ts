import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { writeKubeconfig } from './kubeconfig';
import { createKubeSimServer } from './server';
import { WatchHub } from './api/watch-stream';
import { SimulatedCluster } from './sim/cluster';
import { FaultController } from './sim/faults';
import type { NodeCapacity } from './sim/nodes';
import { RoomSimulator } from './sim/room-simulator';
import { ObjectStore } from './store/object-store';

export { FaultController } from './sim/faults';
export type { ApiFaults } from './sim/faults';
export { ROOM_SIMULATOR_IMAGE } from './sim/room-simulator';

export interface KubeSimOptions {
  /** 0 = a free port; 8001 when run as a process. */
  port?: number;
  host?: string;
  nodes?: number;
  nodeCapacity?: NodeCapacity;
  kubeconfigPath?: string;
  timing?: { scheduleMs?: number; containerCreatingMs?: number; readyMs?: number };
  /** Rooms API URL for simulated rooms whose pod has no ROOMS_API_URL variable. */
  roomsApiUrl?: string;
  bookmarkIntervalMs?: number;
  /** How many changes watches can resume from (older resourceVersions get 410 Gone). */
  watchHistory?: number;
}

export interface KubeSim {
  url: string;
  kubeconfigPath: string;
  faults: FaultController;
  stop(): Promise<void>;
}

/** Starts kube-sim in this process. */
export async function startKubeSim(options: KubeSimOptions = {}): Promise<KubeSim> {
  const store = new ObjectStore(options.watchHistory);
  const faults = new FaultController();
  const simulator = new RoomSimulator(options.roomsApiUrl);
  const watches = new WatchHub();
  const timing = { scheduleMs: 10, containerCreatingMs: 100, readyMs: 100, ...options.timing };
  const cluster = new SimulatedCluster(store, faults, timing, simulator);
  cluster.addNodes(options.nodes ?? 3, options.nodeCapacity ?? { cpu: '8', memory: '32Gi', pods: 110 });
  faults.bind({ dropWatches: () => watches.dropAll(), loseNode: (name) => cluster.loseNode(name), compact: () => store.compact() });
  const server = createKubeSimServer({ store, cluster, faults, simulator, watches, bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5_000 });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  const kubeconfigPath = path.resolve(options.kubeconfigPath ?? path.join('.kube-sim', 'kubeconfig.yaml'));
  writeKubeconfig(kubeconfigPath, url);
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
