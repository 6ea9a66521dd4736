import type { ClusterHooks } from '../api/rest-handler';
import { invalid } from '../api/rest-handler';
import type { K8sObject } from '../store/k8s-object';
import { type ObjectStore, StoreError } from '../store/object-store';
import type { FaultController } from './faults';
import { buildNode, nodeInternalIp, type NodeCapacity } from './nodes';
import { choosePodNode } from './pod-scheduler';
import { podStatus } from './pod-status';
import { parseQuantity } from './quantity';

export interface LifecycleTiming {
  scheduleMs: number;
  containerCreatingMs: number;
  readyMs: number;
}

/** Listens to pods that start running and stop (the room simulator). */
export interface PodRuntime {
  started(pod: K8sObject): void;
  stopping(pod: K8sObject): void;
}

const podKey = (pod: K8sObject) => `${pod.metadata.namespace}/${pod.metadata.name}`;

/**
 * The simulated control plane and kubelets: pod defaults and admission, scheduling, container
 * lifecycle with fault injection, graceful pod deletion and namespace termination.
 */
export class SimulatedCluster implements ClusterHooks {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly podsOnNode = new Map<string, Map<string, K8sObject>>();
  private readonly unschedulable = new Set<string>();
  private readonly retry: NodeJS.Timeout;
  private podIps = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly faults: FaultController,
    private readonly timing: LifecycleTiming,
    private readonly runtime: PodRuntime,
  ) {
    for (const ns of ['default', 'kube-system']) store.create('namespaces', { metadata: { name: ns }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    store.on('change', (e) => {
      if (e.resource === 'pods' && e.type === 'ADDED') this.later(podKey(e.object), this.timing.scheduleMs, () => this.schedule(e.object));
    });
    this.retry = setInterval(() => this.retryUnschedulable(), 500);
    this.retry.unref();
  }

  addNodes(count: number, capacity: NodeCapacity): void {
    for (let i = 0; i < count; i++) this.store.create('nodes', buildNode(i, capacity));
  }

  beforeCreate(resource: string, object: K8sObject): void {
    if (resource === 'namespaces') {
      object.status = { phase: 'Active' };
      return;
    }
    if (resource !== 'pods') return;
    const namespace = this.store.get('namespaces', undefined, object.metadata.namespace ?? '');
    if (!namespace) throw new StoreError(404, 'NotFound', `namespaces "${object.metadata.namespace}" not found`);
    if (namespace.status?.phase === 'Terminating') {
      throw new StoreError(403, 'Forbidden', `pods "${object.metadata.name}" is forbidden: unable to create new content in namespace ${object.metadata.namespace} because it is being terminated`);
    }
    const containers = object.spec?.containers;
    if (!Array.isArray(containers) || containers.length === 0) throw invalid('Pod', 'spec.containers', 'Required value');
    containers.forEach((c: { name?: string; image?: string; resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }, i: number) => {
      if (!c.name) throw invalid('Pod', `spec.containers[${i}].name`, 'Required value');
      if (!c.image) throw invalid('Pod', `spec.containers[${i}].image`, 'Required value');
      for (const kind of ['requests', 'limits'] as const) {
        for (const [resourceName, quantity] of Object.entries(c.resources?.[kind] ?? {})) {
          if (parseQuantity(quantity) === undefined) {
            throw invalid('Pod', `spec.containers[${i}].resources.${kind}[${resourceName}]`, `Invalid value: "${quantity}": quantities must match the regular expression`);
          }
        }
      }
    });
    object.spec = { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', ...object.spec };
    object.status = { phase: 'Pending', qosClass: 'Burstable' };
  }

  delete(resource: string, namespace: string | undefined, name: string, gracePeriodSeconds?: number): K8sObject {
    if (resource === 'namespaces') return this.terminateNamespace(name);
    if (resource !== 'pods') return this.store.remove(resource, namespace, name);
    const pod = this.store.get('pods', namespace, name);
    if (!pod) throw new StoreError(404, 'NotFound', `pods "${name}" not found`);
    if (pod.metadata.deletionTimestamp) return pod;
    const grace = gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    if (grace <= 0 || !pod.spec?.nodeName) return this.removePod(pod);
    this.runtime.stopping(pod);
    const marked = this.store.mutate('pods', namespace, name, (p) => {
      p.metadata.deletionTimestamp = new Date(Date.now() + grace * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      p.metadata.deletionGracePeriodSeconds = grace;
    }) as K8sObject;
    this.later(podKey(pod), grace * 1000, () => {
      const current = this.store.get('pods', namespace, name);
      if (current) this.removePod(current);
    });
    return marked;
  }

  /** The node stops answering: NotReady, and its pods are lost. */
  loseNode(name: string): boolean {
    const node = this.store.mutate('nodes', undefined, name, (n) => {
      n.status.conditions = [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }];
    });
    if (!node) return false;
    for (const pod of this.podsOnNode.get(name)?.values() ?? []) {
      this.clearTimer(podKey(pod));
      this.runtime.stopping(pod);
      this.store.mutate('pods', pod.metadata.namespace, pod.metadata.name, podStatus.lost);
    }
    return true;
  }

  stop(): void {
    clearInterval(this.retry);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(created: K8sObject): void {
    const pod = this.store.get('pods', created.metadata.namespace, created.metadata.name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    const nodes = this.store.list('nodes');
    const byNode = new Map([...this.podsOnNode].map(([node, pods]) => [node, [...pods.values()]]));
    const { node, reasons } = choosePodNode(pod, nodes, byNode);
    if (!node) {
      const counts = [...new Set(reasons)].map((r) => `${reasons.filter((x) => x === r).length} ${r}`).join(', ');
      this.unschedulable.add(podKey(pod));
      this.store.mutate('pods', pod.metadata.namespace, pod.metadata.name, (p) =>
        podStatus.unschedulable(p, `0/${nodes.length} nodes are available: ${counts}.`),
      );
      return;
    }
    this.unschedulable.delete(podKey(pod));
    const hostIP = nodeInternalIp(nodes.find((n) => n.metadata.name === node) as K8sObject);
    const bound = this.store.mutate('pods', pod.metadata.namespace, pod.metadata.name, (p) => podStatus.bound(p, node, hostIP)) as K8sObject;
    this.track(node, bound);
    this.later(podKey(pod), this.timing.containerCreatingMs, () => this.startContainers(bound));
  }

  private startContainers(pod: K8sObject): void {
    const images: string[] = (pod.spec?.containers ?? []).map((c: { image: string }) => c.image);
    const { imagePullError, crashLoop, oomKilled } = this.faults.images;
    const update = (change: (p: K8sObject) => void) => this.store.mutate('pods', pod.metadata.namespace, pod.metadata.name, change);
    const image = (set: Set<string>) => images.find((i) => set.has(i));
    const pullError = image(imagePullError);
    if (pullError) {
      update((p) => podStatus.waiting(p, 'ErrImagePull', `failed to pull image "${pullError}": not found`));
      this.later(podKey(pod), this.timing.containerCreatingMs, () => update((p) => podStatus.waiting(p, 'ImagePullBackOff', `Back-off pulling image "${pullError}"`)));
      return;
    }
    if (image(oomKilled)) return void update((p) => podStatus.terminated(p, 'OOMKilled', 137));
    if (image(crashLoop)) {
      update((p) => podStatus.waiting(p, 'CrashLoopBackOff', 'back-off 10s restarting failed container', 1));
      return;
    }
    const podIP = `10.244.${Math.floor(++this.podIps / 250) % 250}.${(this.podIps % 250) + 1}`;
    const running = update((p) => podStatus.running(p, podIP, false));
    if (running) this.runtime.started(running);
    this.later(podKey(pod), this.timing.readyMs, () => update((p) => podStatus.running(p, podIP, true)));
  }

  private removePod(pod: K8sObject): K8sObject {
    this.clearTimer(podKey(pod));
    this.unschedulable.delete(podKey(pod));
    this.runtime.stopping(pod);
    if (pod.spec?.nodeName) this.podsOnNode.get(pod.spec.nodeName)?.delete(podKey(pod));
    return this.store.remove('pods', pod.metadata.namespace, pod.metadata.name);
  }

  private terminateNamespace(name: string): K8sObject {
    const ns = this.store.get('namespaces', undefined, name);
    if (!ns) throw new StoreError(404, 'NotFound', `namespaces "${name}" not found`);
    if (ns.status?.phase === 'Terminating') return ns;
    const marked = this.store.mutate('namespaces', undefined, name, (n) => {
      n.metadata.deletionTimestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      n.status = { phase: 'Terminating' };
    }) as K8sObject;
    for (const pod of this.store.list('pods', name)) this.delete('pods', name, pod.metadata.name);
    const finish = () => {
      if (this.store.list('pods', name).length > 0) return void this.later(`ns/${name}`, 100, finish);
      for (const resource of ['events', 'poddisruptionbudgets']) {
        for (const o of this.store.list(resource, name)) this.store.remove(resource, name, o.metadata.name);
      }
      if (this.store.get('namespaces', undefined, name)) this.store.remove('namespaces', undefined, name);
    };
    this.later(`ns/${name}`, 0, finish);
    return marked;
  }

  private retryUnschedulable(): void {
    for (const key of [...this.unschedulable]) {
      const [namespace, name] = key.split('/');
      const pod = this.store.get('pods', namespace, name);
      if (pod) this.schedule(pod);
      else this.unschedulable.delete(key);
    }
  }

  private track(node: string, pod: K8sObject): void {
    if (!this.podsOnNode.has(node)) this.podsOnNode.set(node, new Map());
    this.podsOnNode.get(node)?.set(podKey(pod), pod);
  }

  private later(key: string, ms: number, action: () => void): void {
    this.clearTimer(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      action();
    }, ms);
    this.timers.set(key, timer);
  }

  private clearTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }
}
