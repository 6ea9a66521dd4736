import { parseArgs } from 'node:util';
import { startKubeSim } from './index';
import { parseQuantity } from './sim/quantity';

const USAGE = `usage: npm run kube-sim -- [--port 8001] [--host 127.0.0.1] [--nodes 3] [--node-cpu 8] [--node-memory 32Gi]
  [--node-pods 110] [--kubeconfig .kube-sim/kubeconfig.yaml] [--rooms-api-url http://127.0.0.1:8070]
  [--no-room-simulator] [--schedule-ms 20] [--container-creating-ms 300] [--ready-ms 300] [--advertise-url http://kube-sim:8001]`;

const whole = (name: string, text: string, min = 0): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got "${text}"\n${USAGE}`);
  return n;
};

const quantity = (name: string, text: string): string => {
  if (!((parseQuantity(text) ?? 0) > 0)) throw new Error(`--${name} must be a positive Kubernetes quantity (8, 500m, 32Gi), got "${text}"\n${USAGE}`);
  return text;
};

/** `npm run kube-sim -- --port 8001 --nodes 3 --node-cpu 8 --node-memory 32Gi` */
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
      'advertise-url': { type: 'string' },
      'no-room-simulator': { type: 'boolean', default: false },
      'schedule-ms': { type: 'string', default: '20' },
      'container-creating-ms': { type: 'string', default: '300' },
      'ready-ms': { type: 'string', default: '300' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const sim = await startKubeSim({
    port: whole('port', values.port),
    host: values.host,
    advertiseUrl: values['advertise-url'],
    nodes: whole('nodes', values.nodes, 1),
    nodeCapacity: {
      cpu: quantity('node-cpu', values['node-cpu']),
      memory: quantity('node-memory', values['node-memory']),
      pods: whole('node-pods', values['node-pods'], 1),
    },
    kubeconfigPath: values.kubeconfig,
    roomSimulator: { enabled: !values['no-room-simulator'], roomsApiUrl: values['rooms-api-url'] },
    timing: {
      scheduleMs: whole('schedule-ms', values['schedule-ms']),
      containerCreatingMs: whole('container-creating-ms', values['container-creating-ms']),
      readyMs: whole('ready-ms', values['ready-ms']),
    },
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
