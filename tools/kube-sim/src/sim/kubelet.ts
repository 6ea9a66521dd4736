import type { K8sObject } from '../store/k8s-object';
import type { ObjectStore } from '../store/object-store';
import type { FaultController } from './faults';
import type { KeyedTimers } from './keyed-timers';
import { podStatus } from './pod-status';

export interface LifecycleTiming {
  scheduleMs: number;
  containerCreatingMs: number;
  readyMs: number;
}

/** What runs inside pods that start (the room simulator); told when they stop. */
export interface PodRuntime {
  started(pod: K8sObject, exit: (exitCode: number) => void): void;
  stopping(pod: K8sObject): void;
}

export const podKey = (pod: K8sObject): string => `${pod.metadata.namespace}/${pod.metadata.name}`;

/**
 * The simulated kubelets: a bound pod goes ContainerCreating -> Running -> Ready, or into the
 * waiting/terminated state an injected fault asks for (image pull error, crash loop, OOM kill).
 */
export class Kubelet {
  private podIps = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly faults: FaultController,
    private readonly timing: LifecycleTiming,
    private readonly runtime: PodRuntime,
    private readonly timers: KeyedTimers,
  ) {}

  /** Starts the containers of a pod just bound to a node, after the ContainerCreating delay. */
  run(pod: K8sObject): void {
    this.timers.set(podKey(pod), this.timing.containerCreatingMs, () => this.startContainers(pod));
  }

  /** The containers of a pod are being stopped (deletion, node loss). */
  stopping(pod: K8sObject): void {
    this.runtime.stopping(pod);
  }

  private startContainers(pod: K8sObject): void {
    const images: string[] = (pod.spec?.containers ?? []).map((c: { image: string }) => c.image);
    const { imagePullError, crashLoop, oomKilled } = this.faults.images;
    const key = podKey(pod);
    const update = (change: (p: K8sObject) => void) => this.store.mutate('pods', pod.metadata.namespace, pod.metadata.name, change);
    const faulty = (set: Set<string>) => images.find((i) => set.has(i));
    const pullError = faulty(imagePullError);
    if (pullError) {
      update((p) => podStatus.waiting(p, 'ErrImagePull', `failed to pull and unpack image "${pullError}": not found`));
      this.timers.set(key, this.timing.containerCreatingMs, () =>
        update((p) => podStatus.waiting(p, 'ImagePullBackOff', `Back-off pulling image "${pullError}"`)),
      );
      return;
    }
    if (faulty(oomKilled)) return void update((p) => podStatus.terminated(p, 'OOMKilled', 137));
    if (faulty(crashLoop)) {
      update((p) =>
        podStatus.waiting(p, 'CrashLoopBackOff', `back-off 10s restarting failed container=${p.spec.containers[0].name} pod=${p.metadata.name}`, 1),
      );
      return;
    }
    const n = ++this.podIps;
    const podIP = `10.244.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
    const running = update((p) => podStatus.running(p, podIP, false));
    if (!running) return;
    this.timers.set(key, this.timing.readyMs, () => update((p) => podStatus.running(p, podIP, true)));
    this.runtime.started(running, (exitCode) => {
      this.timers.clear(key);
      const current = this.store.get('pods', pod.metadata.namespace, pod.metadata.name);
      if (current && !current.metadata.deletionTimestamp) update((p) => podStatus.terminated(p, exitCode === 0 ? 'Completed' : 'Error', exitCode));
    });
  }
}
