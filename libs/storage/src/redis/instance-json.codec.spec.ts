import { anInstance } from '@maestro/testing';
import { instanceFromJson, instanceToJson } from './instance-json.codec';

describe('instance JSON codec', () => {
  it('writes exactly the field names of runtime-kubernetes.md 4 with the status integer', () => {
    const instance = anInstance({
      id: 'r1',
      schedulerId: 's',
      status: { type: 'ready', description: '' },
      address: { host: '10.0.0.1', ports: [{ name: 'game', port: 40001, protocol: 'UDP' }] },
      resourceVersion: '42',
    });
    expect(JSON.parse(instanceToJson(instance))).toEqual({
      id: 'r1',
      schedulerId: 's',
      status: { type: 2, description: '' },
      address: { host: '10.0.0.1', ports: [{ name: 'game', port: 40001, protocol: 'UDP' }] },
      resourceVersion: '42',
    });
    expect(instanceFromJson(instanceToJson(instance))).toEqual(instance);
  });

  it('stores a missing address as null and reads it back as absent', () => {
    const instance = anInstance({ address: undefined, status: { type: 'pending', description: '' } });
    expect(JSON.parse(instanceToJson(instance)).address).toBeNull();
    expect(instanceFromJson(instanceToJson(instance))).not.toHaveProperty('address');
  });

  it('reads missing fields as zero values', () => {
    expect(instanceFromJson('{"id":"r"}')).toEqual({ id: 'r', schedulerId: '', status: { type: 'unknown', description: '' }, resourceVersion: '' });
  });
});
