import type { K8sObject } from '../store/k8s-object';

export interface NodeCapacity {
  cpu: string;
  memory: string;
  pods: number;
}

/** A simulated node with capacity, zone label and addresses. */
export function buildNode(index: number, capacity: NodeCapacity): K8sObject {
  const name = `kube-sim-node-${index}`;
  const resources = { cpu: capacity.cpu, memory: capacity.memory, pods: String(capacity.pods) };
  return {
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'topology.kubernetes.io/zone': `zone-${String.fromCharCode(97 + (index % 3))}`,
      },
    },
    spec: { taints: [] },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: new Date().toISOString() }],
      addresses: [
        { type: 'InternalIP', address: `10.0.0.${index + 1}` },
        { type: 'ExternalIP', address: `127.0.0.1` },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: { kubeletVersion: 'v1.32.0-kube-sim', containerRuntimeVersion: 'kube-sim://1', osImage: 'kube-sim', architecture: 'amd64', operatingSystem: 'linux' },
    },
  };
}

export const isNodeReady = (node: K8sObject): boolean =>
  !node.spec?.unschedulable && (node.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');

export const nodeInternalIp = (node: K8sObject): string =>
  (node.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '';
