import type { K8sObject } from '../store/k8s-object';

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const names = (pod: K8sObject): { name: string; image: string }[] => pod.spec?.containers ?? [];

/** Pod status writers for each lifecycle step of the simulated kubelet. */
export const podStatus = {
  unschedulable(pod: K8sObject, message: string): void {
    pod.status = {
      ...pod.status,
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: now() }],
    };
  },

  bound(pod: K8sObject, node: string, hostIP: string): void {
    pod.spec.nodeName = node;
    pod.status = {
      phase: 'Pending',
      hostIP,
      hostIPs: [{ ip: hostIP }],
      startTime: now(),
      conditions: [
        { type: 'PodScheduled', status: 'True', lastTransitionTime: now() },
        { type: 'Initialized', status: 'True', lastTransitionTime: now() },
        { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status', lastTransitionTime: now() },
        { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status', lastTransitionTime: now() },
      ],
      containerStatuses: names(pod).map((c) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        state: { waiting: { reason: 'ContainerCreating' } },
      })),
    };
  },

  waiting(pod: K8sObject, reason: string, message: string, restartCount = 0): void {
    pod.status.phase = reason === 'CrashLoopBackOff' ? 'Running' : 'Pending';
    pod.status.containerStatuses = names(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready: false,
      started: false,
      restartCount,
      state: { waiting: { reason, message } },
      ...(restartCount > 0 ? { lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: now() } } } : {}),
    }));
  },

  terminated(pod: K8sObject, reason: string, exitCode: number): void {
    const restart = pod.spec?.restartPolicy ?? 'Always';
    pod.status.phase = restart === 'Never' ? (exitCode === 0 ? 'Succeeded' : 'Failed') : 'Running';
    pod.status.containerStatuses = names(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready: false,
      started: false,
      restartCount: 0,
      state: { terminated: { exitCode, reason, finishedAt: now() } },
    }));
  },

  running(pod: K8sObject, podIP: string, ready: boolean): void {
    pod.status.phase = 'Running';
    pod.status.podIP = podIP;
    pod.status.podIPs = [{ ip: podIP }];
    pod.status.containerStatuses = names(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: `kube-sim://${c.image}`,
      containerID: `kube-sim://${pod.metadata.uid}-${c.name}`,
      ready,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: now() } },
    }));
    for (const condition of pod.status.conditions ?? []) {
      if (condition.type === 'Ready' || condition.type === 'ContainersReady') {
        Object.assign(condition, ready ? { status: 'True', reason: undefined, message: undefined } : {}, { lastTransitionTime: now() });
      }
    }
  },

  lost(pod: K8sObject): void {
    for (const condition of pod.status.conditions ?? []) {
      if (condition.type === 'Ready' || condition.type === 'ContainersReady')
        Object.assign(condition, { status: 'False', reason: 'NodeLost', lastTransitionTime: now() });
    }
    pod.status.phase = 'Unknown';
    pod.status.reason = 'NodeLost';
    pod.status.message = `Node ${pod.spec?.nodeName} which was running pod ${pod.metadata.name} is unresponsive`;
  },
};
