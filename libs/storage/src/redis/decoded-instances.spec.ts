import { anInstance } from '@maestro/testing';
import { DecodedInstances } from './decoded-instances';
import { instanceToJson } from './instance-json.codec';

describe('DecodedInstances', () => {
  const stored = anInstance({ id: 'r1', schedulerId: 's', address: { host: 'h', ports: [{ name: 'game', port: 7000, protocol: 'UDP' }] } });

  it('decodes a room’s JSON once while it does not change, and answers the instance read-only', () => {
    const decoded = new DecodedInstances();
    const first = decoded.of('s', 'r1', instanceToJson(stored));
    expect(first).toEqual(stored);
    expect(decoded.of('s', 'r1', instanceToJson(stored))).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.address?.ports[0])).toBe(true);
    expect(() => {
      (first.status as { type: string }).type = 'error';
    }).toThrow(TypeError);
  });

  it('decodes again when the JSON changed, and keeps rooms of the same id in other schedulers apart', () => {
    const decoded = new DecodedInstances();
    const before = decoded.of('s', 'r1', instanceToJson(stored));
    const moved = { ...stored, address: { host: 'moved', ports: [] } };
    expect(decoded.of('s', 'r1', instanceToJson(moved))).toEqual(moved);
    expect(decoded.of('s', 'r1', instanceToJson(moved))).not.toBe(before);
    const elsewhere = { ...stored, schedulerId: 'other' };
    expect(decoded.of('other', 'r1', instanceToJson(elsewhere))).toEqual(elsewhere);
  });
});
