import type { K8sObject, StoredEvent } from '../store/k8s-object';
import { pageOf } from './list-page';
import { parseLabelSelector } from './selectors';
import { eventTypeFor } from './watch-stream';

const pod = (name: string, labels: Record<string, string>, namespace = 'ns'): K8sObject => ({ metadata: { name, namespace, labels } });
const maestro = { resource: 'pods', namespace: 'ns', matches: (o: K8sObject) => parseLabelSelector('heritage=maestro')(o.metadata.labels ?? {}) };
const modified = (before: K8sObject, after: K8sObject): StoredEvent => ({
  type: 'MODIFIED',
  resource: 'pods',
  object: after,
  previous: before,
  resourceVersion: 2,
});

describe('watch events through selectors', () => {
  it('passes matching changes through and drops other resources and namespaces', () => {
    expect(eventTypeFor({ type: 'ADDED', resource: 'pods', object: pod('a', { heritage: 'maestro' }), resourceVersion: 1 }, maestro)).toBe('ADDED');
    expect(eventTypeFor({ type: 'ADDED', resource: 'pods', object: pod('a', { heritage: 'maestro' }, 'other'), resourceVersion: 1 }, maestro)).toBeUndefined();
    expect(eventTypeFor({ type: 'ADDED', resource: 'nodes', object: pod('a', { heritage: 'maestro' }), resourceVersion: 1 }, maestro)).toBeUndefined();
  });

  it('turns a change into ADDED or DELETED when the object starts or stops matching', () => {
    const inside = pod('a', { heritage: 'maestro' });
    const outside = pod('a', { heritage: 'other' });
    expect(eventTypeFor(modified(inside, inside), maestro)).toBe('MODIFIED');
    expect(eventTypeFor(modified(outside, inside), maestro)).toBe('ADDED');
    expect(eventTypeFor(modified(inside, outside), maestro)).toBe('DELETED');
    expect(eventTypeFor(modified(outside, outside), maestro)).toBeUndefined();
  });
});

describe('list pages', () => {
  const items = ['a', 'b', 'c', 'd', 'e'].map((n) => pod(n, {}));

  it('serves limit-sized pages chained by continue tokens', () => {
    const first = pageOf(items, { limit: 2 }, '9');
    expect(first.items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(first.metadata).toMatchObject({ resourceVersion: '9', remainingItemCount: 3 });
    const second = pageOf(items, { limit: 2, continue: String(first.metadata.continue) }, '9');
    expect(second.items.map((o) => o.metadata.name)).toEqual(['c', 'd']);
    const last = pageOf(items, { limit: 2, continue: String(second.metadata.continue) }, '9');
    expect(last).toEqual({ items: [items[4]], metadata: { resourceVersion: '9' } });
  });

  it('refuses a malformed continue token', () => {
    expect(() => pageOf(items, { limit: 0, continue: '%%%' }, '9')).toThrow('continue key is not valid');
  });
});
