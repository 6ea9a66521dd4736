import type { IncomingMessage, ServerResponse } from 'node:http';
import { type K8sObject, RESOURCES, type StoredEvent } from '../store/k8s-object';
import type { ObjectStore } from '../store/object-store';
import { statusBody } from './status';

/** The annotation of the bookmark that ends a watch-list's initial events. */
export const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

export interface WatchOptions {
  resource: string;
  namespace?: string;
  matches: (o: K8sObject) => boolean;
  resourceVersion?: string;
  /**
   * Watch-list streaming: true sends the current objects as ADDED events, then (with bookmarks) a
   * BOOKMARK annotated `k8s.io/initial-events-end`; false starts at the resourceVersion (or now).
   * Undefined keeps the classic rules: ADDED events for the current objects without a resourceVersion.
   */
  sendInitialEvents?: boolean;
  bookmarks: boolean;
  timeoutSeconds?: number;
  bookmarkIntervalMs: number;
  /** How objects of ADDED/MODIFIED/DELETED events are written (a Table for `kubectl get -w`); as stored by default. */
  render?: (object: K8sObject, first: boolean) => unknown;
}

/**
 * How a change shows on a watch with selectors: an object that starts matching is ADDED, one that
 * stops matching is DELETED (carrying its new state), as the API server's watch cache does.
 */
export function eventTypeFor(e: StoredEvent, options: Pick<WatchOptions, 'resource' | 'namespace' | 'matches'>): StoredEvent['type'] | undefined {
  if (e.resource !== options.resource) return undefined;
  if (options.namespace && e.object.metadata.namespace !== options.namespace) return undefined;
  const now = options.matches(e.object);
  if (e.type !== 'MODIFIED' || !e.previous) return now ? e.type : undefined;
  const before = options.matches(e.previous);
  if (before && now) return 'MODIFIED';
  if (now) return 'ADDED';
  return before ? 'DELETED' : undefined;
}

/** Every open watch, so faults can drop them all. */
export class WatchHub {
  private readonly open = new Set<ServerResponse>();

  get size(): number {
    return this.open.size;
  }

  /** Streams watch events as newline-delimited JSON until the client leaves or the watch ends. */
  serve(store: ObjectStore, req: IncomingMessage, res: ServerResponse, options: WatchOptions): void {
    const write = (type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);
    let first = true;
    const writeObject = (type: string, object: K8sObject) => {
      write(type, options.render ? options.render(object, first) : object);
      first = false;
    };
    const emit = (e: StoredEvent) => {
      const type = eventTypeFor(e, options);
      if (type) writeObject(type, e.object);
    };
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    res.flushHeaders();

    const { kind, apiVersion } = RESOURCES[options.resource];
    const bookmark = (annotations?: Record<string, string>) =>
      write('BOOKMARK', { kind, apiVersion, metadata: { resourceVersion: String(store.resourceVersion), ...(annotations ? { annotations } : {}) } });
    const sendCurrentObjects = () =>
      store
        .list(options.resource, options.namespace)
        .filter(options.matches)
        .forEach((o) => writeObject('ADDED', o));
    const fromVersion = options.resourceVersion && options.resourceVersion !== '0' ? Number(options.resourceVersion) : undefined;
    if (options.sendInitialEvents) {
      sendCurrentObjects();
      if (options.bookmarks) bookmark({ [INITIAL_EVENTS_END]: 'true' });
    } else if (fromVersion !== undefined) {
      const changes = store.changesSince(fromVersion);
      if (!changes) {
        write('ERROR', statusBody(410, 'Expired', `too old resource version: ${options.resourceVersion} (${store.oldestWatchableVersion})`));
        res.end();
        return;
      }
      changes.forEach(emit);
    } else if (options.sendInitialEvents === undefined) {
      sendCurrentObjects();
    }

    const onChange = (e: StoredEvent) => emit(e);
    store.on('change', onChange);
    this.open.add(res);
    const bookmarks = options.bookmarks ? setInterval(() => bookmark(), options.bookmarkIntervalMs) : undefined;
    const timeout = options.timeoutSeconds ? setTimeout(() => res.end(), options.timeoutSeconds * 1000) : undefined;
    const close = () => {
      store.off('change', onChange);
      clearInterval(bookmarks);
      clearTimeout(timeout);
      this.open.delete(res);
    };
    res.on('close', close);
    req.on('close', close);
  }

  /** Cuts every open watch stream (fault injection). */
  dropAll(): number {
    const count = this.open.size;
    for (const res of this.open) res.destroy();
    this.open.clear();
    return count;
  }
}
