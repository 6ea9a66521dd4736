/**
 * Creates and watches 5,000 pods through libs/runtime-k8s against kube-sim and reports pods/s,
 * time until every pod is seen ready through the watch, and kube-sim's memory (same process).
 * Run: node tools/scripts/run.mjs bench/runtime-5000-pods.bench.ts [pods] [qps]
 */
import { silentLogger } from '@maestro/domain';
import { startKubeSim } from '@maestro/kube-sim';
import { KubernetesRuntime } from '@maestro/runtime-k8s';
import { aScheduler } from '@maestro/testing';

async function main(): Promise<void> {
  const pods = Number(process.argv[2] ?? 5000);
  const qps = Number(process.argv[3] ?? 1000);
  const sim = await startKubeSim({
    port: 0,
    kubeconfigPath: 'tmp/bench/kubeconfig.yaml',
    nodes: 10,
    nodeCapacity: { cpu: '1000', memory: '4000Gi', pods: Math.ceil(pods / 10) + 10 },
    timing: { scheduleMs: 5, containerCreatingMs: 50, readyMs: 50 },
  });
  const runtime = new KubernetesRuntime(
    {
      kubeconfigPath: sim.kubeconfigPath,
      qps,
      burst: qps * 2,
      topologySpread: { enabled: false, maxSkew: 5, topologyKey: '', scheduleAnyway: false },
      resyncMs: 600_000,
    },
    silentLogger,
  );
  const scheduler = aScheduler().withName('bench').build();
  await runtime.createScheduler(scheduler);
  const ready = new Set<string>();
  let allReady: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allReady = resolve));
  const watcher = await runtime.watchGameRoomInstances(scheduler, ({ instance }) => {
    if (instance.status.type === 'ready') ready.add(instance.id);
    if (ready.size === pods) allReady();
  });
  const started = Date.now();
  const concurrency = 64;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < pods) {
        const i = next++;
        await runtime.createGameRoomInstance(scheduler, `bench-${i}`, scheduler.spec);
      }
    }),
  );
  const created = Date.now();
  await done;
  const finished = Date.now();
  const memory = process.memoryUsage();
  console.log(
    JSON.stringify(
      {
        pods,
        clientQps: qps,
        createSeconds: (created - started) / 1000,
        podsPerSecond: Math.round(pods / ((created - started) / 1000)),
        podsPerSecondOverQps: Number((pods / ((created - started) / 1000) / qps).toFixed(2)),
        secondsUntilAllReadyThroughWatch: (finished - started) / 1000,
        processRssMiB: Math.round(memory.rss / 2 ** 20),
        heapUsedMiB: Math.round(memory.heapUsed / 2 ** 20),
      },
      null,
      2,
    ),
  );
  await watcher.stop();
  await sim.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
