import { silentLogger } from '@maestro/domain';
import { waitFor } from '@maestro/testing';
import { PodInformer, type PodInformerOptions } from './pod-informer';
import { FakePodSource } from './fake-pod-source';
import type { PodChange } from './pod-store';

const OPTIONS: PodInformerOptions = { resyncMs: 60_000, backoffMs: 1, maxBackoffMs: 5 };

describe('PodInformer', () => {
  let source: FakePodSource;
  let changes: [string, string, string][];
  let informer: PodInformer | undefined;
  const names = () => changes.map(([type, name]) => `${type} ${name}`);

  beforeEach(() => {
    source = new FakePodSource();
    changes = [];
  });
  afterEach(async () => informer?.stop());

  async function start(options: Partial<PodInformerOptions> = {}, handler?: (change: PodChange) => Promise<void> | void): Promise<PodInformer> {
    informer = new PodInformer(
      source,
      { ...OPTIONS, ...options },
      handler ?? ((c) => void changes.push([c.type, c.pod.metadata!.name!, c.pod.metadata!.resourceVersion!])),
      silentLogger,
    );
    await informer.start();
    return informer;
  }

  it('reports the initial list before start resolves, then watches from its resourceVersion', async () => {
    source.put('a', 'Running', true);
    source.put('b', 'Pending', true);
    await start();
    expect(names()).toEqual(['added a', 'added b']);
    await waitFor(() => source.open.length === 1);
    expect(source.streams[0].from).toBe('12');
  });

  it('reports watch events once each: added, updated when the resourceVersion changed, deleted', async () => {
    await start();
    await waitFor(() => source.open.length === 1);
    source.put('a', 'Pending');
    source.put('a', 'Running');
    source.emit('MODIFIED', source.pods.get('a'));
    source.emit('BOOKMARK', { metadata: { resourceVersion: '99' } });
    source.remove('a');
    source.emit('DELETED', { metadata: { name: 'never-seen', resourceVersion: '100' } });
    await waitFor(() => changes.length === 3);
    expect(names()).toEqual(['added a', 'updated a', 'deleted a']);
  });

  it('reconnects after a dropped stream from the last resourceVersion seen, without re-listing', async () => {
    await start();
    await waitFor(() => source.open.length === 1);
    source.put('a', 'Pending');
    source.drop();
    await waitFor(() => source.open.length === 1 && source.streams.length === 2);
    expect(source.streams[1].from).toBe('11');
    expect(source.lists).toBe(1);
    source.put('b', 'Pending');
    await waitFor(() => changes.length === 2);
    expect(names()).toEqual(['added a', 'added b']);
  });

  it('re-lists after 410 Gone and reports only what changed meanwhile', async () => {
    source.put('a', 'Pending', true);
    source.put('b', 'Pending', true);
    await start();
    await waitFor(() => source.open.length === 1);
    source.put('a', 'Running', true);
    source.remove('b', true);
    source.put('c', 'Pending', true);
    source.emit('ERROR', { kind: 'Status', code: 410, reason: 'Expired' });
    await waitFor(() => changes.length === 5);
    expect(source.lists).toBe(2);
    expect(names()).toEqual(['added a', 'added b', 'updated a', 'added c', 'deleted b']);
    await waitFor(() => source.open.length === 1);
    expect(source.open[0].from).toBe(String(14));
  });

  it('treats a watch refused with HTTP 410 like a 410 event', async () => {
    await start();
    await waitFor(() => source.open.length === 1);
    source.drop(Object.assign(new Error('Gone'), { statusCode: 410 }));
    await waitFor(() => source.lists === 2);
  });

  it('retries a failing re-list with backoff until it succeeds', async () => {
    await start();
    await waitFor(() => source.open.length === 1);
    source.failLists = 2;
    source.put('late', 'Pending', true);
    source.emit('ERROR', { code: 410 });
    await waitFor(() => changes.length === 1);
    expect(source.lists).toBe(4);
    expect(names()).toEqual(['added late']);
  });

  it('retries a failing first list with backoff; start resolves once a list has been reported', async () => {
    source.put('a', 'Running', true);
    source.failLists = 2;
    await start();
    expect(source.lists).toBe(3);
    expect(names()).toEqual(['added a']);
    await waitFor(() => source.open.length === 1);
  });

  it('stops retrying the first list when stopped', async () => {
    source.failLists = 1_000;
    informer = new PodInformer(source, { ...OPTIONS, backoffMs: 5, maxBackoffMs: 5 }, () => undefined, silentLogger);
    const starting = informer.start();
    await waitFor(() => source.lists >= 2);
    await informer.stop();
    await starting;
    const lists = source.lists;
    expect(source.open).toHaveLength(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.lists).toBe(lists);
  });

  it('reports a change again on the next resync when its handler failed (a Redis write that failed is retried)', async () => {
    source.put('a', 'Running', true);
    let failures = 1;
    const applied: string[] = [];
    await start({ resyncMs: 20 }, (change) => {
      if (failures > 0 && failures--) throw new Error('redis down');
      applied.push(`${change.type} ${change.pod.metadata!.name!}`);
    });
    await waitFor(() => applied.length === 1);
    expect(applied).toEqual(['added a']);
  });

  it('reports a failed deletion again on the next resync', async () => {
    source.put('a', 'Running', true);
    let failDeletes = 1;
    const applied: string[] = [];
    await start({ resyncMs: 20 }, (change) => {
      if (change.type === 'deleted' && failDeletes > 0 && failDeletes--) throw new Error('redis down');
      applied.push(`${change.type} ${change.pod.metadata!.name!}`);
    });
    await waitFor(() => source.open.length === 1);
    source.remove('a');
    await waitFor(() => applied.includes('deleted a'));
    expect(applied).toEqual(['added a', 'deleted a']);
  });

  it('resyncs periodically by re-listing, without re-reporting unchanged pods', async () => {
    source.put('a', 'Running', true);
    await start({ resyncMs: 20 });
    await waitFor(() => source.lists >= 3);
    source.put('b', 'Running', true);
    await waitFor(() => changes.length === 2);
    expect(names()).toEqual(['added a', 'added b']);
    expect(source.open.length).toBeLessThanOrEqual(1);
  });

  it('keeps going when the handler fails', async () => {
    let calls = 0;
    await start({}, () => {
      calls++;
      throw new Error('boom');
    });
    await waitFor(() => source.open.length === 1);
    source.put('a', 'Pending');
    source.put('b', 'Pending');
    await waitFor(() => calls === 2);
  });

  it('reports nothing after stop and closes its stream', async () => {
    await start();
    await waitFor(() => source.open.length === 1);
    const [stream] = source.open;
    await informer!.stop();
    expect(source.open).toHaveLength(0);
    stream.onEvent('ADDED', { metadata: { name: 'late', resourceVersion: '50' } });
    expect(changes).toEqual([]);
  });
});
