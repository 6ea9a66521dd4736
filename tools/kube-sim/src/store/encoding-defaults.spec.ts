import type { K8sObject } from './k8s-object';
import { withEncodingDefaults } from './encoding-defaults';

describe("Go's always-encoded fields", () => {
  it("fills a node's system info and kubelet endpoint with zero values", () => {
    const node = withEncodingDefaults('nodes', { metadata: { name: 'n' }, status: { nodeInfo: { kubeletVersion: 'v1.32.0' } } });
    expect(node.status.nodeInfo).toEqual({
      machineID: '',
      systemUUID: '',
      bootID: '',
      kernelVersion: '',
      osImage: '',
      containerRuntimeVersion: '',
      kubeletVersion: 'v1.32.0',
      kubeProxyVersion: '',
      operatingSystem: '',
      architecture: '',
    });
    expect(node.status.daemonEndpoints).toEqual({ kubeletEndpoint: { Port: 0 } });
    expect(node.spec).toEqual({});
  });

  it('gives a PodDisruptionBudget the four counters of its status', () => {
    const pdb = withEncodingDefaults('poddisruptionbudgets', { metadata: { name: 'p' }, spec: { minAvailable: 1 } });
    expect(pdb.status).toEqual({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
    expect(pdb.spec).toEqual({ minAvailable: 1 });
  });

  it('gives an event its involved object and the fields Go writes as "" or null', () => {
    const event = withEncodingDefaults('events', { metadata: { name: 'e', namespace: 'default' }, reason: 'Tested', firstTimestamp: '2026-01-01T00:00:00Z' });
    expect(event).toMatchObject({
      involvedObject: {},
      source: {},
      reportingComponent: '',
      reportingInstance: '',
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: null,
      eventTime: null,
    });
  });

  it('completes each pod container status but creates no optional state', () => {
    const pod: K8sObject = {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'x' }] },
      status: {
        conditions: [{ type: 'Ready' }],
        containerStatuses: [
          { name: 'c', state: { waiting: { reason: 'ContainerCreating' } } },
          { name: 'd', state: { terminated: { reason: 'Error' } } },
        ],
      },
    };
    withEncodingDefaults('pods', pod);
    expect(pod.status.conditions).toEqual([{ type: 'Ready', status: '' }]);
    expect(pod.status.containerStatuses).toEqual([
      { name: 'c', image: '', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} },
      { name: 'd', image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: { reason: 'Error', exitCode: 0 } }, lastState: {} },
    ]);
    expect(pod.spec.containers).toEqual([{ name: 'c', image: 'x', resources: {} }]);
  });

  it('leaves kinds without rules as they are', () => {
    expect(withEncodingDefaults('widgets', { metadata: { name: 'w' } })).toEqual({ metadata: { name: 'w' } });
  });
});
