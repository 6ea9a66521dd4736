import type { V1Node } from '@kubernetes/client-node';
import { nodeAddress } from '../pod/node-address';

/**
 * Node name -> the host its rooms are reached at, each entry kept for `ttlMs` (Maestro: 24 h).
 * Concurrent lookups of one node share one read; failed lookups are not cached.
 */
export class NodeHostCache {
  private readonly entries = new Map<string, { host: Promise<string>; until: number }>();

  constructor(
    private readonly readNode: (name: string) => Promise<V1Node>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The node's host; rejects when the node cannot be read or has no usable address. */
  resolve(nodeName: string): Promise<string> {
    const cached = this.entries.get(nodeName);
    if (cached && cached.until > this.now()) return cached.host;
    const host = this.readNode(nodeName).then(nodeAddress);
    this.entries.set(nodeName, { host, until: this.now() + this.ttlMs });
    host.catch(() => {
      if (this.entries.get(nodeName)?.host === host) this.entries.delete(nodeName);
    });
    return host;
  }
}
