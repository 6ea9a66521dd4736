import type { K8sObject } from '../store/k8s-object';
import { isNodeReady } from './nodes';
import { parseQuantity } from './quantity';

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

const requestsOf = (pod: K8sObject) => {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu += parseQuantity(c.resources?.requests?.cpu) ?? 0;
    memory += parseQuantity(c.resources?.requests?.memory) ?? 0;
  }
  return { cpu, memory };
};

const hostPortsOf = (pod: K8sObject): string[] =>
  (pod.spec?.containers ?? []).flatMap((c: { ports?: { hostPort?: number; protocol?: string }[] }) =>
    (c.ports ?? []).filter((p) => p.hostPort).map((p) => `${p.protocol ?? 'TCP'}/${p.hostPort}`),
  );

function tolerates(tolerations: Toleration[], taint: { key: string; value?: string; effect: string }): boolean {
  return tolerations.some(
    (t) =>
      (!t.effect || t.effect === taint.effect) &&
      (t.operator === 'Exists' ? !t.key || t.key === taint.key : t.key === taint.key && (t.value ?? '') === (taint.value ?? '')),
  );
}

function matchesAffinity(pod: K8sObject, node: K8sObject): boolean {
  const labels: Record<string, string> = node.metadata.labels ?? {};
  const selector: Record<string, string> = pod.spec?.nodeSelector ?? {};
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  return terms.some((term: { matchExpressions?: { key: string; operator: string; values?: string[] }[] }) =>
    (term.matchExpressions ?? []).every((e) => {
      const value = labels[e.key];
      switch (e.operator) {
        case 'In':
          return value !== undefined && (e.values ?? []).includes(value);
        case 'NotIn':
          return value === undefined || !(e.values ?? []).includes(value);
        case 'Exists':
          return value !== undefined;
        case 'DoesNotExist':
          return value === undefined;
        default:
          return false;
      }
    }),
  );
}

/** What is already placed on a node, kept up to date by the cluster so scheduling stays O(nodes). */
export interface NodeLoad {
  pods: number;
  cpu: number;
  memory: number;
  hostPorts: Set<string>;
}

/** An empty node load. */
export const emptyLoad = (): NodeLoad => ({ pods: 0, cpu: 0, memory: 0, hostPorts: new Set() });

/** Adds (sign 1) or removes (sign -1) a pod's requests and host ports to a node load. */
export function applyToLoad(load: NodeLoad, pod: K8sObject, sign: 1 | -1): NodeLoad {
  const { cpu, memory } = requestsOf(pod);
  load.pods += sign;
  load.cpu += sign * cpu;
  load.memory += sign * memory;
  for (const port of hostPortsOf(pod)) {
    if (sign > 0) load.hostPorts.add(port);
    else load.hostPorts.delete(port);
  }
  return load;
}

/** The load of a list of pods (tests and rebuilds). */
export const loadOf = (pods: K8sObject[]): NodeLoad => pods.reduce((load, pod) => applyToLoad(load, pod, 1), emptyLoad());

/** Why a node cannot take the pod, or undefined when it fits. */
export function whyNotFits(pod: K8sObject, node: K8sObject, load: NodeLoad): string | undefined {
  if (!isNodeReady(node)) return 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }';
  const taints: { key: string; value?: string; effect: string }[] = node.spec?.taints ?? [];
  const blocking = taints.find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations ?? [], t));
  if (blocking) return `node(s) had untolerated taint {${blocking.key}: ${blocking.value ?? ''}}`;
  if (!matchesAffinity(pod, node)) return "node(s) didn't match Pod's node affinity/selector";
  const allocatable = node.status?.allocatable ?? {};
  if (load.pods + 1 > Number(allocatable.pods ?? 110)) return 'Too many pods';
  const wanted = requestsOf(pod);
  if (load.cpu + wanted.cpu > (parseQuantity(allocatable.cpu) ?? 0) + 1e-9) return 'Insufficient cpu';
  if (load.memory + wanted.memory > (parseQuantity(allocatable.memory) ?? 0)) return 'Insufficient memory';
  if (hostPortsOf(pod).some((p) => load.hostPorts.has(p))) return "node(s) didn't have free ports for the requested pod ports";
  return undefined;
}

/** The least loaded node that fits, or the reasons none does (one per node). */
export function choosePodNode(pod: K8sObject, nodes: K8sObject[], loads: Map<string, NodeLoad>): { node?: string; reasons: string[] } {
  const reasons: string[] = [];
  const loadOfNode = (n: K8sObject) => loads.get(n.metadata.name) ?? emptyLoad();
  const ordered = [...nodes].sort((a, b) => loadOfNode(a).pods - loadOfNode(b).pods);
  for (const node of ordered) {
    const why = whyNotFits(pod, node, loadOfNode(node));
    if (!why) return { node: node.metadata.name, reasons };
    reasons.push(why);
  }
  return { reasons };
}
