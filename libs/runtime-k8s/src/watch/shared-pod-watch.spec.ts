import { silentLogger } from '@maestro/domain';
import { waitFor } from '@maestro/testing';
import { FakePodSource } from './fake-pod-source';
import type { PodInformerOptions } from './pod-informer';
import type { PodChange } from './pod-store';
import { type NamespaceChangeHandler, type NamespaceSubscription, SharedPodWatch } from './shared-pod-watch';

const OPTIONS: PodInformerOptions = { resyncMs: 60_000, backoffMs: 1, maxBackoffMs: 5 };

describe('SharedPodWatch', () => {
  let source: FakePodSource;
  let watch: SharedPodWatch;
  const subscriptions: NamespaceSubscription[] = [];

  beforeEach(() => {
    source = new FakePodSource();
    watch = new SharedPodWatch(source, OPTIONS, silentLogger);
  });
  afterEach(async () => {
    await Promise.all(subscriptions.splice(0).map((subscription) => subscription.stop()));
  });

  /** Subscribes to `namespace`, recording `<type> <pod>` of each change handled. */
  async function subscribe(namespace: string, handler?: NamespaceChangeHandler, options: { resyncMs?: number } = {}) {
    const seen: string[] = [];
    const target = options.resyncMs ? new SharedPodWatch(source, { ...OPTIONS, resyncMs: options.resyncMs }, silentLogger) : watch;
    const subscription = await target.subscribe(namespace, async (change: PodChange) => {
      await handler?.(change);
      seen.push(`${change.type} ${change.pod.metadata!.name!}`);
    });
    subscriptions.push(subscription);
    return { subscription, seen };
  }

  it('serves every namespace from one list and one watch stream, each subscription its own pods only', async () => {
    source.put('a-1', 'Running', true, 'a');
    source.put('b-1', 'Running', true, 'b');
    const a = await subscribe('a');
    const b = await subscribe('b');
    expect(a.seen).toEqual(['added a-1']);
    expect(b.seen).toEqual(['added b-1']);
    await waitFor(() => source.open.length === 1);
    source.put('a-2', 'Pending', false, 'a');
    source.put('b-1', 'Pending', false, 'b');
    source.put('c-1', 'Pending', false, 'c');
    source.remove('a-1');
    await waitFor(() => a.seen.length === 3 && b.seen.length === 2);
    expect(a.seen).toEqual(['added a-1', 'added a-2', 'deleted a-1']);
    expect(b.seen).toEqual(['added b-1', 'updated b-1']);
    expect(source.lists).toBe(1);
    expect(source.streams).toHaveLength(1);
    expect(a.subscription.stats).toEqual({ lists: 1, watches: 1 });
  });

  it('gives a later subscription the pods known in its namespace, as added, in their current state', async () => {
    await subscribe('a');
    await waitFor(() => source.open.length === 1);
    source.put('b-1', 'Pending', false, 'b');
    source.put('b-1', 'Running', false, 'b');
    source.put('b-2', 'Running', false, 'b');
    source.remove('b-2');
    await waitFor(() => watch.podsOf('b').length === 1);
    const later = await subscribe('b');
    expect(later.seen).toEqual(['added b-1']);
    expect(watch.podsOf('b')[0].status?.phase).toBe('Running');
    expect(source.lists).toBe(1);
  });

  it('hands each namespace its changes one at a time, a slow namespace holding up no other', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow = await subscribe('slow', async (change) => {
      if (change.pod.metadata?.name === 'slow-1') await gate;
    });
    const quick = await subscribe('quick');
    await waitFor(() => source.open.length === 1);
    source.put('slow-1', 'Pending', false, 'slow');
    source.put('slow-2', 'Pending', false, 'slow');
    source.put('quick-1', 'Pending', false, 'quick');
    await waitFor(() => quick.seen.length === 1);
    expect(slow.seen).toEqual([]);
    open();
    await waitFor(() => slow.seen.length === 2);
    expect(slow.seen).toEqual(['added slow-1', 'added slow-2']);
  });

  it('delivers the pods of its namespace again on request, after the changes already queued', async () => {
    source.put('a-1', 'Running', true, 'a');
    source.put('b-1', 'Running', true, 'b');
    const a = await subscribe('a');
    await a.subscription.redeliver();
    expect(a.seen).toEqual(['added a-1', 'added a-1']);
  });

  it('reports a change again on the next re-list when its handler failed', async () => {
    source.put('a-1', 'Running', true, 'a');
    let failures = 1;
    const { seen } = await subscribe(
      'a',
      () => {
        if (failures > 0 && failures--) throw new Error('redis down');
      },
      { resyncMs: 20 },
    );
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual(['added a-1']);
  });

  it('stops watching with its last subscription, and starts again with a new one', async () => {
    const a = await subscribe('a');
    const b = await subscribe('b');
    await waitFor(() => source.open.length === 1);
    await a.subscription.stop();
    expect(source.open).toHaveLength(1);
    await b.subscription.stop();
    expect(source.open).toHaveLength(0);
    source.put('a-1', 'Running', true, 'a');
    const again = await subscribe('a');
    expect(again.seen).toEqual(['added a-1']);
    expect(source.lists).toBe(2);
    expect(a.seen).toEqual([]);
  });

  it('rejects with the reason of an aborted signal while the first list fails, and stops listing', async () => {
    source.failLists = 1_000;
    const abort = new AbortController();
    const subscribing = watch.subscribe('a', () => undefined, { signal: abort.signal });
    await waitFor(() => source.lists >= 2);
    abort.abort(new Error('scheduler worker stopped'));
    await expect(subscribing).rejects.toThrow('scheduler worker stopped');
    const lists = source.lists;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(source.lists).toBe(lists);
  });
});
