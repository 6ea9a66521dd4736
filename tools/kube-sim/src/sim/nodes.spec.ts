import { buildNode } from './nodes';

describe('simulated nodes', () => {
  const capacity = { cpu: '8', memory: '32Gi', pods: 110 };

  it('report every NodeSystemInfo field the OpenAPI schema requires, with identifiers of their own', () => {
    const [a, b] = [buildNode(0, capacity), buildNode(1, capacity)];
    const fields = [
      'machineID',
      'systemUUID',
      'bootID',
      'kernelVersion',
      'osImage',
      'containerRuntimeVersion',
      'kubeletVersion',
      'kubeProxyVersion',
      'operatingSystem',
      'architecture',
    ];
    for (const field of fields) expect([field, typeof a.status.nodeInfo[field], a.status.nodeInfo[field].length > 0]).toEqual([field, 'string', true]);
    expect(a.status.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.0-kube-sim', operatingSystem: 'linux', architecture: 'amd64' });
    expect(a.status.nodeInfo.machineID).toMatch(/^[0-9a-f]{32}$/);
    for (const id of ['machineID', 'systemUUID', 'bootID']) expect(a.status.nodeInfo[id]).not.toBe(b.status.nodeInfo[id]);
    expect(a.status.daemonEndpoints).toEqual({ kubeletEndpoint: { Port: 10250 } });
  });
});
