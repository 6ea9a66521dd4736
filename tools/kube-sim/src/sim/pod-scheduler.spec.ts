import { buildNode } from './nodes';
import { choosePodNode, loadOf, whyNotFits } from './pod-scheduler';
import { parseQuantity } from './quantity';

const node = buildNode(0, { cpu: '2', memory: '4Gi', pods: 3 });
const pod = (name: string, spec: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'ns' },
  spec: { containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '500m', memory: '1Gi' } } }], ...spec },
});

describe('pod scheduling', () => {
  it('parses Kubernetes quantities', () => {
    expect(parseQuantity('100m')).toBeCloseTo(0.1);
    expect(parseQuantity('128Mi')).toBe(128 * 1024 * 1024);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('ten')).toBeUndefined();
  });

  it('fits a pod on a node with room', () => {
    expect(whyNotFits(pod('a'), node, loadOf([]))).toBeUndefined();
  });

  it('refuses by cpu, memory, pod count and host port conflicts', () => {
    expect(
      whyNotFits(pod('a'), node, loadOf([pod('1'), pod('2'), pod('x', { containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '1' } } }] })])),
    ).toBe('Too many pods');
    expect(whyNotFits(pod('a', { containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '3' } } }] }), node, loadOf([]))).toBe('Insufficient cpu');
    expect(whyNotFits(pod('a', { containers: [{ name: 'c', image: 'i', resources: { requests: { memory: '5Gi' } } }] }), node, loadOf([]))).toBe(
      'Insufficient memory',
    );
    const withPort = (name: string) => pod(name, { containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 1, hostPort: 40000, protocol: 'UDP' }] }] });
    expect(whyNotFits(withPort('a'), node, loadOf([withPort('b')]))).toContain("didn't have free ports");
  });

  it('honours taints with tolerations and required node affinity', () => {
    const tainted = { ...node, spec: { taints: [{ key: 'dedicated', value: 'game', effect: 'NoSchedule' }] } };
    expect(whyNotFits(pod('a'), tainted, loadOf([]))).toBe('node(s) had untolerated taint {dedicated: game}');
    const tolerating = pod('a', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'game', effect: 'NoSchedule' }] });
    expect(whyNotFits(tolerating, tainted, loadOf([]))).toBeUndefined();
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'game', operator: 'In', values: ['true'] }] }] },
      },
    };
    expect(whyNotFits(pod('a', { affinity }), node, loadOf([]))).toBe("node(s) didn't match Pod's node affinity/selector");
    const labelled = { ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, game: 'true' } } };
    expect(choosePodNode(pod('a', { affinity }), [node, labelled], new Map()).node).toBe(labelled.metadata.name);
  });
});
