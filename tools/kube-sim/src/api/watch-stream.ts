import type { IncomingMessage, ServerResponse } from 'node:http';
import type { K8sObject, StoredEvent } from '../store/k8s-object';
import type { ObjectStore } from '../store/object-store';
import { statusBody } from './status';

export interface WatchOptions {
  resource: string;
  namespace?: string;
  matches: (o: K8sObject) => boolean;
  resourceVersion?: string;
  bookmarks: boolean;
  timeoutSeconds?: number;
  bookmarkIntervalMs: number;
}

/** Every open watch, so faults can drop them all. */
export class WatchHub {
  private readonly open = new Set<ServerResponse>();

  get size(): number {
    return this.open.size;
  }

  /** Streams watch events as newline-delimited JSON until the client leaves or the watch ends. */
  serve(store: ObjectStore, req: IncomingMessage, res: ServerResponse, options: WatchOptions): void {
    const relevant = (e: StoredEvent) =>
      e.resource === options.resource &&
      (!options.namespace || e.object.metadata.namespace === options.namespace) &&
      options.matches(e.object);
    const write = (type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    res.flushHeaders();

    const fromVersion = options.resourceVersion && options.resourceVersion !== '0' ? Number(options.resourceVersion) : undefined;
    if (fromVersion !== undefined) {
      const changes = Number.isFinite(fromVersion) ? store.changesSince(fromVersion) : undefined;
      if (!changes) {
        write('ERROR', statusBody(410, 'Expired', `too old resource version: ${options.resourceVersion} (${store.oldestWatchableVersion})`));
        res.end();
        return;
      }
      changes.filter(relevant).forEach((e) => write(e.type, e.object));
    } else {
      store
        .list(options.resource, options.namespace)
        .filter(options.matches)
        .forEach((o) => write('ADDED', o));
    }

    const onChange = (e: StoredEvent) => relevant(e) && write(e.type, e.object);
    store.on('change', onChange);
    this.open.add(res);
    const bookmark = options.bookmarks
      ? setInterval(() => write('BOOKMARK', { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: String(store.resourceVersion) } }), options.bookmarkIntervalMs)
      : undefined;
    const timeout = options.timeoutSeconds ? setTimeout(() => res.end(), options.timeoutSeconds * 1000) : undefined;
    const close = () => {
      store.off('change', onChange);
      clearInterval(bookmark);
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
