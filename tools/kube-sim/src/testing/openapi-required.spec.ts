import { missingRequiredFields } from './openapi-required';

describe('the OpenAPI required-field oracle', () => {
  it('names each missing required field by its path, null counting as missing', () => {
    const node = {
      status: { nodeInfo: { kubeletVersion: 'v1', bootID: null }, addresses: [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'Hostname' }] },
    };
    expect(missingRequiredFields('Node', node)).toEqual([
      'status.addresses[1].address',
      'status.nodeInfo.machineID',
      'status.nodeInfo.systemUUID',
      'status.nodeInfo.bootID',
      'status.nodeInfo.kernelVersion',
      'status.nodeInfo.osImage',
      'status.nodeInfo.containerRuntimeVersion',
      'status.nodeInfo.kubeProxyVersion',
      'status.nodeInfo.operatingSystem',
      'status.nodeInfo.architecture',
    ]);
  });

  it('descends into lists and accepts empty strings, zeros and false', () => {
    const list = {
      items: [{ status: { containerStatuses: [{ name: '', image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: {} } }] } }],
    };
    expect(missingRequiredFields('PodList', list)).toEqual(['items[0].status.containerStatuses[0].state.terminated.exitCode']);
    expect(missingRequiredFields('PodList', {})).toEqual(['items']);
  });
});
