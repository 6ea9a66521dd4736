import type { V1Pod } from '@kubernetes/client-node';
import { InstanceConverter } from './instance-converter';

const pod = (rv: string, phase: string, extra: { nodeName?: string; deleting?: boolean; namespace?: string } = {}): V1Pod => ({
  metadata: { name: 'room', namespace: extra.namespace ?? 'sched', resourceVersion: rv, ...(extra.deleting ? { deletionTimestamp: new Date() } : {}) },
  spec: { nodeName: extra.nodeName, containers: [{ name: 'c', ports: [{ name: 'game', containerPort: 1, hostPort: 40000, protocol: 'UDP' }] }] },
  status: { phase },
});

describe('InstanceConverter (runtime-kubernetes.md section 7 step 4)', () => {
  const hosts: Record<string, string> = { n1: '1.1.1.1', n2: '2.2.2.2' };
  const resolve = jest.fn(async (node: string) => hosts[node] ?? Promise.reject(new Error("game room node doesn't have public address")));
  beforeEach(() => resolve.mockClear());

  it('resolves the address only for scheduled pods', async () => {
    const converter = new InstanceConverter('sched', resolve);
    expect((await converter.convert({ type: 'added', pod: pod('1', 'Pending') })).instance).not.toHaveProperty('address');
    const { instance } = await converter.convert({ type: 'updated', pod: pod('2', 'Pending', { nodeName: 'n1' }) });
    expect(instance.address).toEqual({ host: '1.1.1.1', ports: [{ name: 'game', port: 40000, protocol: 'UDP' }] });
  });

  it('keeps the address of a pod seen ready and recomputes status and resourceVersion', async () => {
    const converter = new InstanceConverter('sched', resolve);
    await converter.convert({ type: 'added', pod: pod('1', 'Running', { nodeName: 'n1' }) });
    const later = await converter.convert({ type: 'updated', pod: pod('2', 'Running', { nodeName: 'n2', deleting: true }) });
    expect(later.instance).toMatchObject({ status: { type: 'terminating' }, resourceVersion: '2', address: { host: '1.1.1.1' } });
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('rejects an added or updated pod whose node has no usable address', async () => {
    const converter = new InstanceConverter('sched', resolve);
    await expect(converter.convert({ type: 'added', pod: pod('1', 'Running', { nodeName: 'gone' }) })).rejects.toThrow('public address');
  });

  it('converts deleted pods with the watched namespace as scheduler, address or not', async () => {
    const converter = new InstanceConverter('sched', resolve);
    const unseen = await converter.convert({ type: 'deleted', pod: pod('3', 'Running', { nodeName: 'gone', namespace: '' }) });
    expect(unseen).toMatchObject({ type: 'deleted', instance: { id: 'room', schedulerId: 'sched' } });
    expect(unseen.instance).not.toHaveProperty('address');
    await converter.convert({ type: 'added', pod: pod('4', 'Running', { nodeName: 'n1' }) });
    const seen = await converter.convert({ type: 'deleted', pod: pod('5', 'Running', { nodeName: 'n1', deleting: true }) });
    expect(seen.instance).toMatchObject({ schedulerId: 'sched', address: { host: '1.1.1.1' }, status: { type: 'terminating' } });
    await converter.convert({ type: 'added', pod: pod('6', 'Pending') });
    expect((await converter.convert({ type: 'updated', pod: pod('7', 'Pending', { nodeName: 'n2' }) })).instance.address?.host).toBe('2.2.2.2');
  });
});
