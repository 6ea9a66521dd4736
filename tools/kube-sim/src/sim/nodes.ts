import { randomBytes, randomUUID } from 'node:crypto';
import type { K8sObject } from '../store/k8s-object';

export interface NodeCapacity {
  cpu: string;
  memory: string;
  pods: number;
}

export const KUBELET_VERSION = 'v1.32.0-kube-sim';

/**
 * What a kubelet reports about its machine: every field of NodeSystemInfo, all of which the
 * OpenAPI schema marks required. The identifiers are new for each node, as on real machines.
 */
export function nodeSystemInfo(): Record<string, string> {
  return {
    machineID: randomBytes(16).toString('hex'),
    systemUUID: randomUUID(),
    bootID: randomUUID(),
    kernelVersion: '6.1.0-kube-sim',
    osImage: 'kube-sim',
    containerRuntimeVersion: 'kube-sim://1',
    kubeletVersion: KUBELET_VERSION,
    kubeProxyVersion: KUBELET_VERSION,
    operatingSystem: 'linux',
    architecture: 'amd64',
  };
}

/** A simulated node with capacity, zone label and addresses. */
export function buildNode(index: number, capacity: NodeCapacity): K8sObject {
  const name = `kube-sim-node-${index}`;
  const resources = { cpu: capacity.cpu, memory: capacity.memory, pods: String(capacity.pods) };
  return {
    metadata: {
      name,
      labels: {
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'topology.kubernetes.io/zone': `zone-${String.fromCharCode(97 + (index % 3))}`,
      },
    },
    spec: { taints: [] },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: new Date().toISOString() },
      ],
      addresses: [
        { type: 'InternalIP', address: `10.0.0.${index + 1}` },
        { type: 'ExternalIP', address: `127.0.0.1` },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: nodeSystemInfo(),
    },
  };
}

export const isNodeReady = (node: K8sObject): boolean =>
  !node.spec?.unschedulable && (node.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');

export const nodeInternalIp = (node: K8sObject): string => (node.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '';
