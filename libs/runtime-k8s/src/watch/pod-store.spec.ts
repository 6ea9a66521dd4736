import type { V1Pod } from '@kubernetes/client-node';
import { PodStore } from './pod-store';

const pod = (name: string, resourceVersion: string): V1Pod => ({ metadata: { name, resourceVersion } });

describe('PodStore', () => {
  it('reports a new pod as added, a new resourceVersion as updated, and nothing for the same one', () => {
    const store = new PodStore();
    expect(store.apply('ADDED', pod('a', '1'))?.type).toBe('added');
    expect(store.apply('MODIFIED', pod('a', '1'))).toBeUndefined();
    expect(store.apply('ADDED', pod('a', '1'))).toBeUndefined();
    expect(store.apply('MODIFIED', pod('a', '2'))).toEqual({ type: 'updated', pod: pod('a', '2') });
    expect(store.apply('MODIFIED', pod('b', '3'))?.type).toBe('added');
  });

  it('reports deletion of known pods only', () => {
    const store = new PodStore();
    store.apply('ADDED', pod('a', '1'));
    expect(store.apply('DELETED', pod('a', '2'))).toEqual({ type: 'deleted', pod: pod('a', '2') });
    expect(store.apply('DELETED', pod('a', '2'))).toBeUndefined();
    expect(store.apply('DELETED', pod('z', '3'))).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('turns a list into the changes since the last state, missing pods deleted', () => {
    const store = new PodStore();
    expect(store.replace([pod('a', '1'), pod('b', '2'), pod('c', '3')]).map((c) => c.type)).toEqual(['added', 'added', 'added']);
    const changes = store.replace([pod('a', '1'), pod('b', '5'), pod('d', '6')]);
    expect(changes.map((c) => [c.type, c.pod.metadata?.name])).toEqual([
      ['updated', 'b'],
      ['added', 'd'],
      ['deleted', 'c'],
    ]);
    expect(changes[2].pod).toEqual(pod('c', '3'));
    expect(store.replace([pod('a', '1'), pod('b', '5'), pod('d', '6')])).toEqual([]);
  });
});
