import { CoreV1Api, KubeConfig, PolicyV1Api, VersionApi, Watch } from '@kubernetes/client-node';
import { waitFor } from './testing/wait-for';
import { startKubeSim, type KubeSim } from './index';

/** The official JavaScript client accepts kube-sim's answers (typed API and watch). */
describe('@kubernetes/client-node against kube-sim', () => {
  let sim: KubeSim;
  let config: KubeConfig;

  beforeAll(async () => {
    sim = await startKubeSim({ port: 0, kubeconfigPath: `tmp/kube-sim-${process.pid}/official.yaml` });
    config = new KubeConfig();
    config.loadFromFile(sim.kubeconfigPath);
  });

  afterAll(() => sim.stop());

  it('creates, lists and watches pods', async () => {
    const core = config.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: 'official' } } });
    const seen: string[] = [];
    const watch = new Watch(config);
    const request = await watch.watch(
      '/api/v1/namespaces/official/pods',
      {},
      (type, pod) => seen.push(`${type} ${pod.metadata.name} ${pod.status?.phase}`),
      () => undefined,
    );
    await core.createNamespacedPod({ namespace: 'official', body: { metadata: { name: 'typed' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    const list = await core.listNamespacedPod({ namespace: 'official' });
    expect(list.items.map((p) => p.metadata?.name)).toEqual(['typed']);
    await waitFor(() => seen.some((line) => line === 'MODIFIED typed Running'), { description: 'the pod running, seen through the watch' });
    expect(seen[0]).toBe('ADDED typed Pending');
    request.abort();
    await expect(core.readNamespacedPod({ namespace: 'official', name: 'missing' })).rejects.toMatchObject({ code: 404 });
    const deleted = await core.deleteNamespacedPod({ namespace: 'official', name: 'typed', body: { gracePeriodSeconds: 0 } });
    expect(deleted.metadata?.name).toBe('typed');
  });

  it('reads the version and a node, and replaces a PodDisruptionBudget', async () => {
    expect(await config.makeApiClient(VersionApi).getCode()).toMatchObject({ major: '1', minor: '32' });
    const node = await config.makeApiClient(CoreV1Api).readNode({ name: 'kube-sim-node-0' });
    expect(node.status?.addresses?.find((a) => a.type === 'ExternalIP')?.address).toBe('127.0.0.1');
    const policy = config.makeApiClient(PolicyV1Api);
    const created = await policy.createNamespacedPodDisruptionBudget({
      namespace: 'official',
      body: { metadata: { name: 'official' }, spec: { minAvailable: 0, selector: { matchLabels: { 'maestro-scheduler': 'official' } } } },
    });
    const replaced = await policy.replaceNamespacedPodDisruptionBudget({
      namespace: 'official',
      name: 'official',
      body: { ...created, spec: { ...created.spec, minAvailable: 3 } },
    });
    expect(replaced.spec?.minAvailable).toBe(3);
    await expect(policy.replaceNamespacedPodDisruptionBudget({ namespace: 'official', name: 'official', body: created })).rejects.toMatchObject({ code: 409 });
    await policy.deleteNamespacedPodDisruptionBudget({ namespace: 'official', name: 'official' });
  });
});
