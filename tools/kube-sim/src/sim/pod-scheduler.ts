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

/** Why a node cannot take the pod, or undefined when it fits. */
export function whyNotFits(pod: K8sObject, node: K8sObject, podsOnNode: K8sObject[]): string | undefined {
  if (!isNodeReady(node)) return "node(s) had untolerated taint {node.kubernetes.io/not-ready: }";
  const taints: { key: string; value?: string; effect: string }[] = node.spec?.taints ?? [];
  const blocking = taints.find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations ?? [], t));
  if (blocking) return `node(s) had untolerated taint {${blocking.key}: ${blocking.value ?? ''}}`;
  if (!matchesAffinity(pod, node)) return "node(s) didn't match Pod's node affinity/selector";
  const allocatable = node.status?.allocatable ?? {};
  if (podsOnNode.length + 1 > Number(allocatable.pods ?? 110)) return 'Too many pods';
  const used = podsOnNode.map(requestsOf).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
  const wanted = requestsOf(pod);
  if (used.cpu + wanted.cpu > (parseQuantity(allocatable.cpu) ?? 0) + 1e-9) return 'Insufficient cpu';
  if (used.memory + wanted.memory > (parseQuantity(allocatable.memory) ?? 0)) return 'Insufficient memory';
  const taken = new Set(podsOnNode.flatMap(hostPortsOf));
  if (hostPortsOf(pod).some((p) => taken.has(p))) return "node(s) didn't have free ports for the requested pod ports";
  return undefined;
}

/** The first node (least loaded first) that fits, or the reasons none does. */
export function choosePodNode(pod: K8sObject, nodes: K8sObject[], podsByNode: Map<string, K8sObject[]>): { node?: string; reasons: string[] } {
  const reasons: string[] = [];
  const ordered = [...nodes].sort((a, b) => (podsByNode.get(a.metadata.name)?.length ?? 0) - (podsByNode.get(b.metadata.name)?.length ?? 0));
  for (const node of ordered) {
    const why = whyNotFits(pod, node, podsByNode.get(node.metadata.name) ?? []);
    if (!why) return { node: node.metadata.name, reasons };
    reasons.push(why);
  }
  return { reasons };
}
