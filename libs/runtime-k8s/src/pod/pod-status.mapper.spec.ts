import type { V1Pod } from '@kubernetes/client-node';
import { podToInstanceStatus } from './pod-status.mapper';

const pod = (status: V1Pod['status'], metadata: V1Pod['metadata'] = {}): V1Pod => ({ metadata, status });
const waiting = (reason: string) => ({
  containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason, message: 'm' } } }],
});
const terminated = (reason: string, exitCode: number) => ({
  containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: false, restartCount: 0, state: { terminated: { reason, exitCode } } }],
});

describe('pod -> instance status (runtime-kubernetes.md section 6)', () => {
  it.each<[string, V1Pod, string, string]>([
    ['deletion timestamp', pod({ phase: 'Running' }, { deletionTimestamp: new Date() }), 'terminating', ''],
    ['phase Succeeded', pod({ phase: 'Succeeded' }), 'terminating', 'PodSucceeded'],
    ['phase Failed', pod({ phase: 'Failed' }), 'error', 'PodFailed'],
    ['phase Unknown', pod({ phase: 'Unknown' }), 'error', 'PodUnknown'],
    ...[
      'ErrImageNeverPull',
      'ErrImagePullBackOff',
      'ImagePullBackOff',
      'ErrInvalidImageName',
      'ErrImagePull',
      'CrashLoopBackOff',
      'RunContainerError',
      'ContainerStatusUnknown',
    ].map((reason): [string, V1Pod, string, string] => [`waiting ${reason}`, pod({ phase: 'Pending', ...waiting(reason) }), 'error', `${reason}: m`]),
    ['terminated Completed', pod({ phase: 'Running', ...terminated('Completed', 0) }), 'terminating', 'Completed'],
    ['terminated exit 0', pod({ phase: 'Running', ...terminated('Done', 0) }), 'terminating', 'Done'],
    ['terminated OOMKilled', pod({ phase: 'Running', ...terminated('OOMKilled', 137) }), 'error', 'OOMKilled'],
    ['ContainerCreating does not decide', pod({ phase: 'Pending', ...waiting('ContainerCreating') }), 'pending', ''],
    [
      'first False condition',
      pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'no nodes' }] }),
      'pending',
      'Unschedulable: no nodes',
    ],
    ['Ready True', pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }), 'ready', ''],
    ['phase Pending', pod({ phase: 'Pending' }), 'pending', ''],
    ['phase Running', pod({ phase: 'Running' }), 'ready', ''],
    ['empty phase', pod({}), 'error', 'UnexpectedPodPhase: '],
  ])('%s -> %s', (_case, input, type, description) => {
    expect(podToInstanceStatus(input)).toEqual({ type, description });
  });
});

describe('pod -> instance status: rule order', () => {
  const statuses = (...states: object[]) => states.map((state, i) => ({ name: `c${i}`, image: 'i', imageID: '', ready: false, restartCount: 0, state }));

  it('a deletion timestamp wins over every other rule', () => {
    expect(podToInstanceStatus(pod({ phase: 'Failed' }, { deletionTimestamp: new Date() }))).toEqual({ type: 'terminating', description: '' });
  });

  it('the phase wins over container states', () => {
    expect(podToInstanceStatus(pod({ phase: 'Succeeded', ...waiting('CrashLoopBackOff') }))).toEqual({ type: 'terminating', description: 'PodSucceeded' });
    expect(podToInstanceStatus(pod({ phase: 'Unknown', ...terminated('Completed', 0) }))).toEqual({ type: 'error', description: 'PodUnknown' });
  });

  it('containers are examined in order; a non-deciding waiting reason passes to the next one', () => {
    const input = pod({
      phase: 'Pending',
      containerStatuses: statuses({ waiting: { reason: 'ContainerCreating' } }, { waiting: { reason: 'ErrImagePull', message: 'not found' } }),
    });
    expect(podToInstanceStatus(input)).toEqual({ type: 'error', description: 'ErrImagePull: not found' });
    const first = pod({
      phase: 'Running',
      containerStatuses: statuses({ terminated: { reason: 'Error', exitCode: 1 } }, { waiting: { reason: 'CrashLoopBackOff', message: 'm' } }),
    });
    expect(podToInstanceStatus(first)).toEqual({ type: 'error', description: 'Error' });
  });

  it('a waiting reason without message keeps the separator', () => {
    expect(podToInstanceStatus(pod({ phase: 'Pending', containerStatuses: statuses({ waiting: { reason: 'ImagePullBackOff' } }) }))).toEqual({
      type: 'error',
      description: 'ImagePullBackOff: ',
    });
  });

  it('a running container does not decide', () => {
    expect(podToInstanceStatus(pod({ phase: 'Running', containerStatuses: statuses({ running: {} }) }))).toEqual({ type: 'ready', description: '' });
  });

  it('container states win over conditions', () => {
    const input = pod({ phase: 'Running', ...waiting('RunContainerError'), conditions: [{ type: 'Ready', status: 'True' }] });
    expect(podToInstanceStatus(input).type).toBe('error');
  });

  it('the first False condition decides, even after a True Ready condition', () => {
    const input = pod({
      phase: 'Running',
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [game]' },
        { type: 'PodScheduled', status: 'False', reason: 'Later', message: 'm' },
      ],
    });
    expect(podToInstanceStatus(input)).toEqual({ type: 'pending', description: 'ContainersNotReady: containers with unready status: [game]' });
  });

  it('Ready False is itself a False condition', () => {
    expect(podToInstanceStatus(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'False', reason: 'NotReady', message: 'x' }] }))).toEqual({
      type: 'pending',
      description: 'NotReady: x',
    });
  });

  it('Ready True decides over a Pending phase; Unknown conditions do not decide', () => {
    expect(podToInstanceStatus(pod({ phase: 'Pending', conditions: [{ type: 'Ready', status: 'True' }] }))).toEqual({ type: 'ready', description: '' });
    expect(podToInstanceStatus(pod({ phase: 'Pending', conditions: [{ type: 'Ready', status: 'Unknown' }] }))).toEqual({ type: 'pending', description: '' });
  });

  it.each(['Weird', 'running'])('an unexpected phase %s is an error', (phase) => {
    expect(podToInstanceStatus(pod({ phase }))).toEqual({ type: 'error', description: `UnexpectedPodPhase: ${phase}` });
  });

  it('never produces unknown', () => {
    for (const phase of ['', 'Pending', 'Running', 'Succeeded', 'Failed', 'Unknown', 'X']) expect(podToInstanceStatus(pod({ phase })).type).not.toBe('unknown');
  });
});
