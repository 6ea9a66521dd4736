import type { K8sObject } from '../store/k8s-object';
import { admitPod, podIssues, qosClass } from './pods';

const pod = (spec: Record<string, unknown>): K8sObject => ({ metadata: { name: 'room-abcde', namespace: 'game' }, spec });

describe('pod admission', () => {
  it('reports every invalid field at once', () => {
    const issues = podIssues(
      pod({
        restartPolicy: 'Sometimes',
        containers: [
          { name: 'Game_Server', image: '', ports: [{ containerPort: 0, protocol: 'tcp' }], resources: { requests: { cpu: 'lots' } } },
          { name: 'Game_Server', image: 'x' },
        ],
      }),
    ).map((c) => `${c.reason} ${c.field}`);
    expect(issues).toEqual([
      'FieldValueInvalid spec.containers[0].name',
      'FieldValueRequired spec.containers[0].image',
      'FieldValueInvalid spec.containers[0].ports[0].containerPort',
      'FieldValueNotSupported spec.containers[0].ports[0].protocol',
      'FieldValueInvalid spec.containers[0].resources.requests[cpu]',
      'FieldValueInvalid spec.containers[1].name',
      'FieldValueDuplicate spec.containers[1].name',
      'FieldValueNotSupported spec.restartPolicy',
    ]);
    expect(podIssues(pod({ containers: [] }))).toEqual([{ reason: 'FieldValueRequired', field: 'spec.containers', message: 'Required value' }]);
  });

  it('fills the defaults of the API server and its admission plugins', () => {
    const admitted = pod({
      restartPolicy: 'Never',
      containers: [{ name: 'game', image: 'game:1.2', ports: [{ name: 'p', containerPort: 7777, hostPort: 40000 }] }],
    });
    admitPod(admitted);
    expect(admitted.spec).toMatchObject({
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
    });
    expect(admitted.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      ports: [{ protocol: 'TCP', hostPort: 40000 }],
    });
    expect(admitted.spec.tolerations.map((t: { key: string }) => t.key)).toEqual(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);
    expect(admitted.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(() => admitPod(pod({ containers: [{ name: 'c' }] }))).toThrow('Pod "room-abcde" is invalid: spec.containers[0].image: Required value');
  });

  it('derives the QoS class from requests and limits', () => {
    expect(qosClass([{ resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1Gi' } } }])).toBe('Guaranteed');
    expect(qosClass([{ resources: { requests: { cpu: '100m' } } }])).toBe('Burstable');
    expect(qosClass([{}])).toBe('BestEffort');
  });
});
