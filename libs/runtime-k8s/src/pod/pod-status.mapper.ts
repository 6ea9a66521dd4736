import type { InstanceStatusType } from '@maestro/domain';
import type { V1Pod } from '@kubernetes/client-node';

export interface InstanceStatus {
  type: InstanceStatusType;
  description: string;
}

const ERROR_WAITING_REASONS = new Set([
  'ErrImageNeverPull',
  'ErrImagePullBackOff',
  'ImagePullBackOff',
  'ErrInvalidImageName',
  'ErrImagePull',
  'CrashLoopBackOff',
  'RunContainerError',
  'ContainerStatusUnknown',
]);

/** Pod -> instance status, rules of runtime-kubernetes.md section 6 in order (first match wins). */
export function podToInstanceStatus(pod: V1Pod): InstanceStatus {
  if (pod.metadata?.deletionTimestamp) return { type: 'terminating', description: '' };
  const phase = pod.status?.phase ?? '';
  if (phase === 'Succeeded') return { type: 'terminating', description: 'PodSucceeded' };
  if (phase === 'Failed') return { type: 'error', description: 'PodFailed' };
  if (phase === 'Unknown') return { type: 'error', description: 'PodUnknown' };
  for (const container of pod.status?.containerStatuses ?? []) {
    const waiting = container.state?.waiting;
    if (waiting?.reason && ERROR_WAITING_REASONS.has(waiting.reason)) {
      return { type: 'error', description: `${waiting.reason}: ${waiting.message ?? ''}` };
    }
    const terminated = container.state?.terminated;
    if (terminated) {
      const completed = terminated.reason === 'Completed' || terminated.exitCode === 0;
      return { type: completed ? 'terminating' : 'error', description: terminated.reason ?? '' };
    }
  }
  let ready: string | undefined;
  for (const condition of pod.status?.conditions ?? []) {
    if (condition.type === 'Ready') ready = condition.status;
    if (condition.status === 'False') return { type: 'pending', description: `${condition.reason ?? ''}: ${condition.message ?? ''}` };
  }
  if (ready === 'True') return { type: 'ready', description: '' };
  if (phase === 'Pending') return { type: 'pending', description: '' };
  if (phase === 'Running') return { type: 'ready', description: '' };
  return { type: 'error', description: `UnexpectedPodPhase: ${phase}` };
}
