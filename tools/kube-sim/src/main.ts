import { parseArgs } from 'node:util';
import { startKubeSim } from './index';

/** `npm run kube-sim -- --port 8001 --nodes 3 --node-cpu 8 --node-memory 32Gi [--rooms-api-url URL]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8001' },
      host: { type: 'string', default: '127.0.0.1' },
      nodes: { type: 'string', default: '3' },
      'node-cpu': { type: 'string', default: '8' },
      'node-memory': { type: 'string', default: '32Gi' },
      'node-pods': { type: 'string', default: '110' },
      kubeconfig: { type: 'string', default: '.kube-sim/kubeconfig.yaml' },
      'rooms-api-url': { type: 'string' },
    },
  });
  const sim = await startKubeSim({
    port: Number(values.port),
    host: values.host,
    nodes: Number(values.nodes),
    nodeCapacity: { cpu: String(values['node-cpu']), memory: String(values['node-memory']), pods: Number(values['node-pods']) },
    kubeconfigPath: values.kubeconfig,
    roomsApiUrl: values['rooms-api-url'],
    timing: { scheduleMs: 20, containerCreatingMs: 300, readyMs: 300 },
  });
  console.log(JSON.stringify({ msg: 'kube-sim listening', url: sim.url, kubeconfig: sim.kubeconfigPath }));
  const stop = () => void sim.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`kube-sim failed to start: ${(error as Error).message}`);
  process.exit(1);
});
