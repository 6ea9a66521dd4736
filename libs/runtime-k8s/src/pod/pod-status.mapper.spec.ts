import type { V1Pod } from '@kubernetes/client-node';
import { podToInstanceStatus } from './pod-status.mapper';

const pod = (status: V1Pod['status'], metadata: V1Pod['metadata'] = {}): V1Pod => ({ metadata, status });
const waiting = (reason: string) => ({ containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason, message: 'm' } } }] });
const terminated = (reason: string, exitCode: number) => ({ containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: false, restartCount: 0, state: { terminated: { reason, exitCode } } }] });

describe('pod -> instance status (runtime-kubernetes.md section 6)', () => {
  it.each<[string, V1Pod, string, string]>([
    ['deletion timestamp', pod({ phase: 'Running' }, { deletionTimestamp: new Date() }), 'terminating', ''],
    ['phase Succeeded', pod({ phase: 'Succeeded' }), 'terminating', 'PodSucceeded'],
    ['phase Failed', pod({ phase: 'Failed' }), 'error', 'PodFailed'],
    ['phase Unknown', pod({ phase: 'Unknown' }), 'error', 'PodUnknown'],
    ...['ErrImageNeverPull', 'ErrImagePullBackOff', 'ImagePullBackOff', 'ErrInvalidImageName', 'ErrImagePull', 'CrashLoopBackOff', 'RunContainerError', 'ContainerStatusUnknown'].map(
      (reason): [string, V1Pod, string, string] => [`waiting ${reason}`, pod({ phase: 'Pending', ...waiting(reason) }), 'error', `${reason}: m`],
    ),
    ['terminated Completed', pod({ phase: 'Running', ...terminated('Completed', 0) }), 'terminating', 'Completed'],
    ['terminated exit 0', pod({ phase: 'Running', ...terminated('Done', 0) }), 'terminating', 'Done'],
    ['terminated OOMKilled', pod({ phase: 'Running', ...terminated('OOMKilled', 137) }), 'error', 'OOMKilled'],
    ['ContainerCreating does not decide', pod({ phase: 'Pending', ...waiting('ContainerCreating') }), 'pending', ''],
    ['first False condition', pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'no nodes' }] }), 'pending', 'Unschedulable: no nodes'],
    ['Ready True', pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }), 'ready', ''],
    ['phase Pending', pod({ phase: 'Pending' }), 'pending', ''],
    ['phase Running', pod({ phase: 'Running' }), 'ready', ''],
    ['empty phase', pod({}), 'error', 'UnexpectedPodPhase: '],
  ])('%s -> %s', (_case, input, type, description) => {
    expect(podToInstanceStatus(input)).toEqual({ type, description });
  });
});
