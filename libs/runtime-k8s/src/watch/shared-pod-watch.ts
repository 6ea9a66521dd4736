import type { Logger } from '@maestro/domain';
import type { V1Pod } from '@kubernetes/client-node';
import { PodInformer, type PodInformerOptions } from './pod-informer';
import type { PodSource } from './pod-source';
import type { PodChange } from './pod-store';

/** Handles one pod change of a namespace; a rejection makes the next re-list report the change again. */
export type NamespaceChangeHandler = (change: PodChange) => Promise<void> | void;

const nameOf = (pod: V1Pod): string => pod.metadata?.name ?? '';

/**
 * One namespace's share of the watch: its changes in order, one at a time, apart from the other
 * namespaces (a slow handler holds up its own namespace only).
 */
export class NamespaceSubscription {
  private delivery: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    readonly namespace: string,
    private readonly watch: SharedPodWatch,
    private readonly handler: NamespaceChangeHandler,
    private readonly onFailure: (change: PodChange, error: unknown) => void,
  ) {}

  /** Lists and watch streams the shared watch opened so far (for every namespace). */
  get stats(): { lists: number; watches: number } {
    return this.watch.stats;
  }

  /** Queues a change after those already queued. */
  push(change: PodChange): void {
    this.delivery = this.delivery.then(async () => {
      if (this.stopped) return;
      try {
        await this.handler(change);
      } catch (error) {
        this.onFailure(change, error);
      }
    });
  }

  /** Resolves once every change queued so far has been handled. */
  idle(): Promise<void> {
    return this.delivery;
  }

  /** Reports every pod of the namespace again, as added, after the changes already queued; resolves once handled. */
  redeliver(): Promise<void> {
    for (const pod of this.watch.podsOf(this.namespace)) this.push({ type: 'added', pod });
    return this.delivery;
  }

  /** Stops the deliveries; nothing is handled after it resolves. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.watch.unsubscribe(this);
    await this.delivery;
  }
}

/**
 * One pod informer for every namespace (the pods Maestro created, by label), shared by the
 * schedulers of a process: one list per resync and one watch stream whatever the number of
 * schedulers, instead of one of each per scheduler. Changes are routed to the subscriptions of the
 * pod's namespace; a new subscription first gets the pods already known there, as `added`. The
 * informer starts with the first subscription and stops with the last.
 */
export class SharedPodWatch {
  private informer?: PodInformer;
  private starting?: Promise<void>;
  /** The pods routed so far, by namespace then name: what a new subscription starts from. */
  private readonly pods = new Map<string, Map<string, V1Pod>>();
  private readonly subscriptions = new Map<string, Set<NamespaceSubscription>>();
  private readonly totals = { lists: 0, watches: 0 };

  constructor(
    private readonly source: PodSource,
    private readonly options: PodInformerOptions,
    private readonly logger: Logger,
  ) {}

  /** Lists and watch streams opened so far, by every informer this watch ran. */
  get stats(): { lists: number; watches: number } {
    const current = this.informer?.stats ?? { lists: 0, watches: 0 };
    return { lists: this.totals.lists + current.lists, watches: this.totals.watches + current.watches };
  }

  /**
   * Subscribes to the pods of `namespace`: resolves once the pods that exist there were handled
   * (the informer's first list, retried while it fails, included). An aborted `signal` ends the
   * wait: the subscription is removed and the call rejects with the signal's reason.
   */
  async subscribe(namespace: string, handler: NamespaceChangeHandler, options: { signal?: AbortSignal } = {}): Promise<NamespaceSubscription> {
    const { signal } = options;
    signal?.throwIfAborted();
    const subscription = new NamespaceSubscription(namespace, this, handler, (change, error) => {
      // Not applied (e.g. Redis down): the informer forgets it, so the next list reports it again.
      this.informer?.forget(change);
      this.logger.warn('pod change handler failed; retried on the next resync', { pod: nameOf(change.pod), error: String(error) });
    });
    let set = this.subscriptions.get(namespace);
    if (!set) this.subscriptions.set(namespace, (set = new Set()));
    set.add(subscription);
    // The pods routed so far, then (routing is synchronous) every later change: none missed, none twice.
    for (const pod of this.podsOf(namespace)) subscription.push({ type: 'added', pod });
    const started = this.start();
    try {
      await abortable(started, signal);
    } catch (error) {
      await subscription.stop();
      throw error;
    }
    await subscription.idle();
    return subscription;
  }

  /** The pods of a namespace as last routed. */
  podsOf(namespace: string): V1Pod[] {
    return [...(this.pods.get(namespace)?.values() ?? [])];
  }

  /** Removes a subscription; the informer stops with the last one. */
  async unsubscribe(subscription: NamespaceSubscription): Promise<void> {
    const set = this.subscriptions.get(subscription.namespace);
    set?.delete(subscription);
    if (set?.size === 0) this.subscriptions.delete(subscription.namespace);
    if (this.subscriptions.size > 0) return;
    const informer = this.informer;
    if (!informer) return;
    this.informer = undefined;
    this.starting = undefined;
    this.totals.lists += informer.stats.lists;
    this.totals.watches += informer.stats.watches;
    this.pods.clear();
    await informer.stop();
  }

  /** Starts the informer unless it runs; resolves once its first list was routed. */
  private start(): Promise<void> {
    if (this.starting) return this.starting;
    const informer: PodInformer = new PodInformer(
      this.source,
      this.options,
      (change) => {
        if (this.informer === informer) this.route(change);
      },
      this.logger,
    );
    this.informer = informer;
    this.starting = informer.start();
    return this.starting;
  }

  private route(change: PodChange): void {
    const namespace = change.pod.metadata?.namespace ?? '';
    const name = nameOf(change.pod);
    let pods = this.pods.get(namespace);
    if (change.type === 'deleted') {
      pods?.delete(name);
      if (pods?.size === 0) this.pods.delete(namespace);
    } else {
      if (!pods) this.pods.set(namespace, (pods = new Map()));
      pods.set(name, change.pod);
    }
    for (const subscription of this.subscriptions.get(namespace) ?? []) subscription.push(change);
  }
}

/** `promise`, or the signal's reason once it aborts. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
