import { type V1Pod, Watch } from '@kubernetes/client-node';
import type { InstanceEventType, Logger } from '@maestro/domain';
import type { KubernetesClient } from './client/kubernetes-client';

export interface PodWatcherOptions {
  namespace: string;
  labelSelector: string;
  /** Full re-list period; unchanged pods are not reported again. */
  resyncMs: number;
  /** Wait before reconnecting a dropped watch (doubles up to 10 s). */
  backoffMs: number;
}

export type PodEventHandler = (type: InstanceEventType, pod: V1Pod) => Promise<void> | void;

/**
 * An informer for one namespace: list, then watch from the list's resourceVersion; reconnects
 * after a dropped stream, re-lists on 410 Gone and on every resync, and reports each pod change
 * once (added, updated when the resourceVersion changed, deleted).
 */
export class PodWatcher {
  private readonly known = new Map<string, V1Pod>();
  private resourceVersion = '';
  private abort?: AbortController;
  private resync?: NodeJS.Timeout;
  private stopped = false;
  private failures = 0;
  /** Events are handled one at a time, in order. */
  private chain: Promise<void> = Promise.resolve();
  /** Watch streams opened so far (tests observe reconnects). */
  connections = 0;

  constructor(
    private readonly client: KubernetesClient,
    private readonly options: PodWatcherOptions,
    private readonly onEvent: PodEventHandler,
    private readonly logger: Logger,
  ) {}

  /** Resolves once the initial list has been reported. */
  async start(): Promise<void> {
    await this.relist();
    this.resync = setInterval(() => void this.relist().catch((error: unknown) => this.logger.warn('pod resync failed', { error: String(error) })), this.options.resyncMs);
    this.resync.unref?.();
    void this.watch();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.resync);
    this.abort?.abort();
  }

  private async relist(): Promise<void> {
    const list = await this.client.call(() =>
      this.client.core.listNamespacedPod({ namespace: this.options.namespace, labelSelector: this.options.labelSelector }),
    );
    const seen = new Set<string>();
    for (const pod of list.items) {
      const name = pod.metadata?.name ?? '';
      seen.add(name);
      await this.report(pod, 'ADDED');
    }
    for (const [name, pod] of [...this.known]) {
      if (!seen.has(name)) await this.report(pod, 'DELETED');
    }
    this.resourceVersion = list.metadata?.resourceVersion ?? this.resourceVersion;
  }

  private async watch(): Promise<void> {
    if (this.stopped) return;
    const path = `/api/v1/namespaces/${encodeURIComponent(this.options.namespace)}/pods`;
    let gone = false;
    try {
      this.connections++;
      this.abort = await new Watch(this.client.config).watch(
        path,
        { labelSelector: this.options.labelSelector, resourceVersion: this.resourceVersion, allowWatchBookmarks: true },
        (type: string, object: V1Pod & { code?: number }) => {
          if (type === 'ERROR') {
            gone = object.code === 410;
            this.abort?.abort();
            return;
          }
          this.resourceVersion = object.metadata?.resourceVersion ?? this.resourceVersion;
          if (type !== 'BOOKMARK') this.chain = this.chain.then(() => this.report(object, type));
        },
        (error: unknown) => void this.reconnect(gone, error),
      );
      this.failures = 0;
    } catch (error) {
      void this.reconnect(false, error);
    }
  }

  private async reconnect(gone: boolean, error: unknown): Promise<void> {
    if (this.stopped) return;
    this.failures++;
    const delay = Math.min(10_000, this.options.backoffMs * 2 ** Math.min(this.failures - 1, 6));
    this.logger.debug('pod watch ended; reconnecting', { gone, error: error ? String(error) : undefined, delay });
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (this.stopped) return;
    try {
      if (gone || !this.resourceVersion) await this.relist();
    } catch (relistError) {
      return this.reconnect(true, relistError);
    }
    await this.watch();
  }

  private async report(pod: V1Pod, watchType: string): Promise<void> {
    const name = pod.metadata?.name ?? '';
    const previous = this.known.get(name);
    let type: InstanceEventType;
    if (watchType === 'DELETED') {
      if (!previous) return;
      this.known.delete(name);
      type = 'deleted';
    } else {
      if (previous?.metadata?.resourceVersion === pod.metadata?.resourceVersion) return;
      this.known.set(name, pod);
      type = previous ? 'updated' : 'added';
    }
    try {
      await this.onEvent(type, pod);
    } catch (error) {
      this.logger.warn('pod event handler failed', { error: String(error), pod: name });
    }
  }
}
