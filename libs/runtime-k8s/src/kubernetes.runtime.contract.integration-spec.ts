import { silentLogger } from '@maestro/domain';
import { startKubeSim, type KubeSim } from '@maestro/kube-sim';
import { runtimeContract } from '@maestro/testing';
import { KubernetesRuntime } from './kubernetes.runtime';

/** The Runtime contract against kube-sim, read back through the Kubernetes API. */
describe('KubernetesRuntime on kube-sim, the Runtime adapter', () => {
  let sim: KubeSim;
  let runtime: KubernetesRuntime;

  const get = async (path: string): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, body: await response.json() };
  };
  /** The object exists and is not being deleted. */
  const exists = async (path: string): Promise<boolean> => {
    const { status, body } = await get(path);
    return status === 200 && !body.metadata.deletionTimestamp;
  };

  beforeAll(async () => {
    sim = await startKubeSim({
      port: 0,
      kubeconfigPath: `tmp/kube-sim-${process.pid}/runtime-contract.yaml`,
      timing: { scheduleMs: 5, containerCreatingMs: 30, readyMs: 30 },
    });
    runtime = new KubernetesRuntime({ kubeconfigPath: sim.kubeconfigPath, qps: 500, burst: 500, resyncMs: 60_000, watchBackoffMs: 10 }, silentLogger);
  });

  afterAll(() => sim.stop());

  runtimeContract(() => ({
    runtime,
    namespaceExists: (name) => exists(`/api/v1/namespaces/${name}`),
    podExists: (name, roomId) => exists(`/api/v1/namespaces/${name}/pods/${roomId}`),
    minAvailable: async (name) => {
      const { status, body } = await get(`/apis/policy/v1/namespaces/${name}/poddisruptionbudgets/${name}`);
      return status === 200 ? (body.spec.minAvailable as number) : undefined;
    },
    deletionReasons: async (name, roomId) => {
      const { body } = await get(`/api/v1/namespaces/${name}/events`);
      const events = body.items as { reason: string; message: string; involvedObject: { name: string } }[];
      return events.filter((e) => e.reason === 'GameRoomDeleted' && e.involvedObject.name === roomId).map((e) => e.message);
    },
  }));
});
