import type { ClusterHooks } from '../api/rest-handler';
import { admitPod } from '../resources/pods';
import type { K8sObject } from '../store/k8s-object';
import { notFound, type ObjectStore, StoreError } from '../store/object-store';
import type { FaultController } from './faults';
import { KeyedTimers } from './keyed-timers';
import { Kubelet, type LifecycleTiming, podKey, type PodRuntime } from './kubelet';
import { buildNode, nodeInternalIp, type NodeCapacity } from './nodes';
import { applyToLoad, choosePodNode, emptyLoad, type NodeLoad } from './pod-scheduler';
import { podStatus } from './pod-status';

export type { LifecycleTiming, PodRuntime } from './kubelet';

const PROTECTED_NAMESPACES = ['default', 'kube-system', 'kube-public'];
const timestamp = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The simulated control plane: pod admission, the scheduler (with per-node loads so a pass is
 * O(nodes)), graceful pod deletion, namespace termination and node loss. Kubelets run the pods.
 */
export class SimulatedCluster implements ClusterHooks {
  private readonly timers = new KeyedTimers();
  private readonly kubelet: Kubelet;
  private readonly loads = new Map<string, NodeLoad>();
  private readonly placed = new Map<string, { node: string; pod: K8sObject }>();
  private readonly unschedulable = new Set<string>();
  private retryQueued = false;

  constructor(
    private readonly store: ObjectStore,
    faults: FaultController,
    private readonly timing: LifecycleTiming,
    runtime: PodRuntime,
  ) {
    this.kubelet = new Kubelet(store, faults, timing, runtime, this.timers);
    for (const name of ['default', 'kube-system', 'kube-public']) {
      store.create('namespaces', {
        metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      });
    }
    store.on('change', (e) => {
      if (e.resource === 'pods' && e.type === 'ADDED') this.timers.set(podKey(e.object), this.timing.scheduleMs, () => this.schedule(e.object));
      if (e.resource === 'nodes' && e.type !== 'DELETED') this.queueRetry();
    });
  }

  addNodes(count: number, capacity: NodeCapacity): void {
    for (let i = 0; i < count; i++) this.store.create('nodes', buildNode(i, capacity));
  }

  beforeCreate(resource: string, object: K8sObject): void {
    if (resource === 'namespaces') {
      object.metadata.labels = { ...object.metadata.labels, 'kubernetes.io/metadata.name': object.metadata.name };
      object.spec = { finalizers: ['kubernetes'], ...object.spec };
      object.status = { phase: 'Active' };
      return;
    }
    if (!object.metadata.namespace) return;
    const namespace = this.store.get('namespaces', undefined, object.metadata.namespace);
    if (!namespace) throw notFound('namespaces', object.metadata.namespace);
    if (namespace.status?.phase === 'Terminating') {
      throw new StoreError(
        403,
        'Forbidden',
        `${resource} "${object.metadata.name}" is forbidden: unable to create new content in namespace ${object.metadata.namespace} because it is being terminated`,
      );
    }
    if (resource === 'pods') admitPod(object);
  }

  delete(resource: string, namespace: string | undefined, name: string, gracePeriodSeconds?: number, dryRun = false): K8sObject {
    if (resource === 'namespaces') return this.terminateNamespace(name, dryRun);
    const current = this.store.get(resource, namespace, name);
    if (!current) throw notFound(resource, name);
    if (resource !== 'pods') return dryRun ? current : this.store.remove(resource, namespace, name);
    const pod = current;
    const terminal = ['Succeeded', 'Failed'].includes(pod.status?.phase);
    const grace = !pod.spec?.nodeName || terminal ? 0 : (gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30);
    if (pod.metadata.deletionTimestamp && grace >= (pod.metadata.deletionGracePeriodSeconds ?? 0)) return pod;
    const markDeleted = (p: K8sObject) => {
      p.metadata.deletionTimestamp = timestamp(Date.now() + grace * 1000);
      p.metadata.deletionGracePeriodSeconds = grace;
    };
    if (dryRun) {
      if (grace > 0) markDeleted(pod);
      return pod;
    }
    if (grace <= 0) return this.removePod(pod);
    if (!pod.metadata.deletionTimestamp) this.kubelet.stopping(pod);
    const marked = this.store.mutate('pods', namespace, name, markDeleted) as K8sObject;
    this.timers.set(podKey(pod), grace * 1000, () => {
      const now = this.store.get('pods', namespace, name);
      if (now) this.removePod(now);
    });
    return marked;
  }

  /** The node stops answering: NotReady with the unreachable taint, and its pods go Unknown. */
  loseNode(name: string): boolean {
    const node = this.store.mutate('nodes', undefined, name, (n) => {
      n.spec.taints = [
        ...(n.spec.taints ?? []).filter((t: { key: string }) => t.key !== 'node.kubernetes.io/unreachable'),
        { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: timestamp() },
      ];
      n.status.conditions = [
        { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: timestamp() },
      ];
    });
    if (!node) return false;
    for (const [key, { node: on, pod }] of this.placed) {
      if (on !== name) continue;
      this.timers.clear(key);
      this.kubelet.stopping(pod);
      this.store.mutate('pods', pod.metadata.namespace, pod.metadata.name, podStatus.lost);
    }
    return true;
  }

  /** Lost nodes come back Ready (their pods keep the state they were left in). */
  restoreNodes(): void {
    for (const node of this.store.list('nodes')) {
      if (node.status?.conditions?.[0]?.status === 'True') continue;
      this.store.mutate('nodes', undefined, node.metadata.name, (n) => {
        n.spec.taints = (n.spec.taints ?? []).filter((t: { key: string }) => t.key !== 'node.kubernetes.io/unreachable');
        n.status.conditions = [
          { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastTransitionTime: timestamp() },
        ];
      });
    }
  }

  stop(): void {
    this.timers.clearAll();
  }

  private schedule(created: K8sObject): void {
    const pod = this.store.get('pods', created.metadata.namespace, created.metadata.name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    const key = podKey(pod);
    const nodes = this.store.list('nodes');
    const { node, reasons } = choosePodNode(pod, nodes, this.loads);
    if (!node) {
      const counts = [...new Set(reasons)].map((r) => `${reasons.filter((x) => x === r).length} ${r}`).join(', ');
      const message = `0/${nodes.length} nodes are available: ${counts}.`;
      this.unschedulable.add(key);
      const current = pod.status?.conditions?.find((c: { type: string }) => c.type === 'PodScheduled');
      // Writing only when the reason changes keeps retries from flooding watches with MODIFIED events.
      if (current?.message !== message) this.store.mutate('pods', pod.metadata.namespace, pod.metadata.name, (p) => podStatus.unschedulable(p, message));
      return;
    }
    this.unschedulable.delete(key);
    const hostIP = nodeInternalIp(nodes.find((n) => n.metadata.name === node) as K8sObject);
    const bound = this.store.mutate('pods', pod.metadata.namespace, pod.metadata.name, (p) => podStatus.bound(p, node, hostIP)) as K8sObject;
    this.loads.set(node, applyToLoad(this.loads.get(node) ?? emptyLoad(), bound, 1));
    this.placed.set(key, { node, pod: bound });
    this.kubelet.run(bound);
  }

  private removePod(pod: K8sObject): K8sObject {
    const key = podKey(pod);
    this.timers.clear(key);
    this.unschedulable.delete(key);
    if (!pod.metadata.deletionTimestamp) this.kubelet.stopping(pod);
    const placement = this.placed.get(key);
    if (placement) {
      this.placed.delete(key);
      applyToLoad(this.loads.get(placement.node) ?? emptyLoad(), placement.pod, -1);
      this.queueRetry();
    }
    return this.store.remove('pods', pod.metadata.namespace, pod.metadata.name);
  }

  /** Pending pods are tried again when capacity frees up or nodes change. */
  private queueRetry(): void {
    if (this.retryQueued || this.unschedulable.size === 0) return;
    this.retryQueued = true;
    setTimeout(() => {
      this.retryQueued = false;
      for (const key of [...this.unschedulable]) {
        const [namespace, name] = key.split('/');
        const pod = this.store.get('pods', namespace, name);
        if (pod) this.schedule(pod);
        else this.unschedulable.delete(key);
      }
    }, this.timing.scheduleMs).unref();
  }

  private terminateNamespace(name: string, dryRun: boolean): K8sObject {
    const ns = this.store.get('namespaces', undefined, name);
    if (!ns) throw notFound('namespaces', name);
    if (PROTECTED_NAMESPACES.includes(name)) throw new StoreError(403, 'Forbidden', `namespaces "${name}" is forbidden: this namespace may not be deleted`);
    if (ns.status?.phase === 'Terminating') return ns;
    const terminating = (n: K8sObject) => {
      n.metadata.deletionTimestamp = timestamp();
      n.status = { phase: 'Terminating' };
    };
    if (dryRun) {
      terminating(ns);
      return ns;
    }
    const marked = this.store.mutate('namespaces', undefined, name, terminating) as K8sObject;
    for (const pod of this.store.list('pods', name)) this.delete('pods', name, pod.metadata.name);
    const finish = () => {
      if (this.store.list('pods', name).length > 0) return void this.timers.set(`namespace/${name}`, 50, finish);
      for (const resource of ['events', 'poddisruptionbudgets']) {
        for (const o of this.store.list(resource, name)) this.store.remove(resource, name, o.metadata.name);
      }
      if (this.store.get('namespaces', undefined, name)) this.store.remove('namespaces', undefined, name);
    };
    this.timers.set(`namespace/${name}`, 0, finish);
    return marked;
  }
}
