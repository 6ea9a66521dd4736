import type { Logger } from '@maestro/domain';
import type { V1Pod } from '@kubernetes/client-node';
import { apiErrorCode } from '../client/api-errors';
import { type PodChange, PodStore } from './pod-store';
import type { PodSource, PodWatchStream } from './pod-source';

export interface PodInformerOptions {
  /** Period of the full re-list; pods that did not change are not reported again. */
  resyncMs: number;
  /** First reconnect delay after a failed or dropped watch; doubles per failure. */
  backoffMs: number;
  maxBackoffMs: number;
}

type WatchEnd = { reason: 'closed' | 'failed' | 'gone' | 'interrupted'; received: boolean; error?: unknown };

const WATCH_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED']);

/**
 * A pod informer: list, then watch from the list's resourceVersion. It re-lists after 410 Gone and
 * on every resync (the watch is restarted from the new list), reconnects with backoff after a
 * dropped or failed stream, and reports each change once, in order, one at a time.
 */
export class PodInformer {
  private readonly store = new PodStore();
  private resourceVersion = '';
  private stopped = false;
  private relistDue = false;
  private stream?: PodWatchStream;
  private timer?: NodeJS.Timeout;
  private delivery: Promise<void> = Promise.resolve();
  private wakeUp?: () => void;
  /** Lists and watch streams opened so far. */
  readonly stats = { lists: 0, watches: 0 };

  constructor(
    private readonly source: PodSource,
    private readonly options: PodInformerOptions,
    private readonly onChange: (change: PodChange) => Promise<void> | void,
    private readonly logger: Logger,
  ) {}

  /**
   * Lists the pods, reports them, then keeps watching; resolves once a list has been reported. A
   * failing first list is retried with backoff (a 429 or 5xx must not leave the scheduler without
   * a watcher); `stop()` ends the retries, and start then resolves without watching.
   */
  async start(): Promise<void> {
    for (let failures = 0; !this.stopped; failures++) {
      try {
        await this.list();
        break;
      } catch (error) {
        if (this.stopped) return;
        const delay = this.backoff(failures + 1);
        this.logger.warn('pod list failed; retrying', { error: String(error), delay_ms: delay });
        await this.sleep(delay);
      }
    }
    if (this.stopped) return;
    await this.delivery;
    this.timer = setInterval(() => this.resync(), this.options.resyncMs);
    this.timer.unref();
    this.run().catch((error: unknown) => this.logger.error('pod informer stopped unexpectedly', { error: String(error) }));
  }

  /** Stops watching; nothing is reported after it resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.stream?.close();
    this.wakeUp?.();
    await this.delivery;
  }

  /** Reports every pod held again, after the changes already queued; resolves once handled. */
  redeliver(): Promise<void> {
    this.deliver(this.store.all());
    return this.delivery;
  }

  /**
   * Forgets a change its consumer could not apply, so that the next list reports it again (for a
   * consumer that handles changes on its own, after this informer reported them).
   */
  forget(change: PodChange): void {
    this.store.unsee(change);
  }

  private resync(): void {
    this.relistDue = true;
    this.stream?.close();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let end: WatchEnd;
      try {
        if (this.relistDue) {
          this.relistDue = false;
          await this.list();
        }
        end = await this.watchOnce();
      } catch (error) {
        this.relistDue = true;
        end = { reason: 'failed', received: false, error };
      }
      if (end.reason === 'gone') this.relistDue = true;
      if (end.received) failures = 0;
      if (end.reason === 'interrupted' || (end.reason === 'closed' && end.received)) continue;
      failures++;
      const delay = this.backoff(failures);
      this.logger.debug('pod watch ended; reconnecting', { reason: end.reason, error: end.error ? String(end.error) : undefined, delay_ms: delay });
      await this.sleep(delay);
    }
  }

  private async list(): Promise<void> {
    this.stats.lists++;
    const list = await this.source.list();
    this.resourceVersion = list.resourceVersion;
    this.deliver(this.store.replace(list.items));
  }

  private watchOnce(): Promise<WatchEnd> {
    return new Promise((resolve) => {
      let received = false;
      let gone = false;
      let closing = false;
      let ended = false;
      let stream: PodWatchStream | undefined;
      const close = () => {
        closing = true;
        stream?.close();
      };
      const onEvent = (type: string, object: unknown) => {
        if (closing || ended) return;
        if (type === 'ERROR') {
          gone = apiErrorCode(object) === 410;
          close();
          return;
        }
        received = true;
        const pod = object as V1Pod;
        this.resourceVersion = pod.metadata?.resourceVersion || this.resourceVersion;
        if (!WATCH_TYPES.has(type)) return;
        const change = this.store.apply(type as 'ADDED' | 'MODIFIED' | 'DELETED', pod);
        if (change) this.deliver([change]);
      };
      const onClose = (error: unknown) => {
        if (ended) return;
        ended = true;
        if (this.stream === stream) this.stream = undefined;
        const reason = gone || apiErrorCode(error) === 410 ? 'gone' : this.stopped || this.relistDue ? 'interrupted' : error ? 'failed' : 'closed';
        resolve({ reason, received, error });
      };
      this.stats.watches++;
      this.source.watch(this.resourceVersion, onEvent, onClose).then(
        (opened) => {
          stream = opened;
          if (ended) return;
          this.stream = { close };
          if (this.stopped || this.relistDue || closing) close();
        },
        (error: unknown) => onClose(error ?? new Error('watch failed')),
      );
    });
  }

  /** The delay before the n-th retry (n from 1): doubling from backoffMs up to maxBackoffMs, plus up to 10 % jitter. */
  private backoff(failures: number): number {
    return Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (failures - 1)) * (1 + Math.random() * 0.1);
  }

  private deliver(changes: PodChange[]): void {
    if (changes.length === 0) return;
    this.delivery = this.delivery.then(async () => {
      for (const change of changes) {
        if (this.stopped) return;
        try {
          await this.onChange(change);
        } catch (error) {
          // Not applied (e.g. Redis down): the store forgets it, so the next list reports it again.
          this.store.unsee(change);
          this.logger.warn('pod change handler failed; retried on the next resync', { pod: change.pod.metadata?.name, error: String(error) });
        }
      }
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}
