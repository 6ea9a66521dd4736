import type { V1Pod } from '@kubernetes/client-node';
import { instancePorts, podToInstance } from './pod-instance.mapper';

const pod: V1Pod = {
  metadata: { name: 'sched-abcde', namespace: 'sched', resourceVersion: '42' },
  spec: {
    containers: [
      {
        name: 'a',
        ports: [
          { name: 'game', containerPort: 7777, hostPort: 40001, protocol: 'UDP' },
          { name: 'admin', containerPort: 9000, hostPort: 0, protocol: 'TCP' },
        ],
      },
      {
        name: 'b',
        ports: [
          { name: 'tcp', containerPort: 8080, hostPort: 40002, protocol: 'tcp' },
          { name: 'none', containerPort: 1 },
        ],
      },
      { name: 'c' },
    ],
  },
  status: { phase: 'Running' },
};

describe('pod -> instance (runtime-kubernetes.md section 4)', () => {
  it('lists ports with a host port, upper-case protocol, in container order', () => {
    expect(instancePorts(pod)).toEqual([
      { name: 'game', port: 40001, protocol: 'UDP' },
      { name: 'tcp', port: 40002, protocol: 'TCP' },
    ]);
  });

  it('builds the instance with an address when the host is known', () => {
    expect(podToInstance(pod, '1.2.3.4')).toEqual({
      id: 'sched-abcde',
      schedulerId: 'sched',
      status: { type: 'ready', description: '' },
      address: { host: '1.2.3.4', ports: instancePorts(pod) },
      resourceVersion: '42',
    });
  });

  it('has no address without a host, and takes an explicit scheduler id', () => {
    const instance = podToInstance({ metadata: { name: 'x' }, status: { phase: 'Pending' } }, undefined, 'sched');
    expect(instance).toEqual({ id: 'x', schedulerId: 'sched', status: { type: 'pending', description: '' }, resourceVersion: '' });
    expect(instance).not.toHaveProperty('address');
  });
});
