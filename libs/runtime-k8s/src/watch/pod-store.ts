import type { InstanceEventType } from '@maestro/domain';
import type { V1Pod } from '@kubernetes/client-node';

export interface PodChange {
  type: InstanceEventType;
  pod: V1Pod;
}

/** A watch event type as the API server sends it (BOOKMARK and ERROR never reach the store). */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

const nameOf = (pod: V1Pod): string => pod.metadata?.name ?? '';

/**
 * The informer's cache of the pods last seen, by name. It turns list results and watch events into
 * the changes worth reporting: `added` for a new name, `updated` only when the resourceVersion
 * changed (so re-lists of unchanged pods report nothing), `deleted` for a known name that went away.
 */
export class PodStore {
  private readonly pods = new Map<string, V1Pod>();

  /** The change one watch event makes, if any. */
  apply(type: WatchEventType, pod: V1Pod): PodChange | undefined {
    const name = nameOf(pod);
    const previous = this.pods.get(name);
    if (type === 'DELETED') {
      if (!previous) return undefined;
      this.pods.delete(name);
      return { type: 'deleted', pod };
    }
    if (previous && previous.metadata?.resourceVersion === pod.metadata?.resourceVersion) return undefined;
    this.pods.set(name, pod);
    return { type: previous ? 'updated' : 'added', pod };
  }

  /** Replaces the cache with a full list: the changes, then deletions of pods missing from it. */
  replace(items: V1Pod[]): PodChange[] {
    const listed = new Set(items.map(nameOf));
    const changes = items.map((pod) => this.apply('ADDED', pod)).filter((change): change is PodChange => change !== undefined);
    for (const [name, pod] of [...this.pods]) {
      if (listed.has(name)) continue;
      this.pods.delete(name);
      changes.push({ type: 'deleted', pod });
    }
    return changes;
  }

  /**
   * Undoes a change that could not be applied, so that the next list reports it again: an added or
   * updated pod is forgotten (unless a newer version arrived since), a deleted one is remembered.
   */
  unsee(change: PodChange): void {
    const name = nameOf(change.pod);
    const current = this.pods.get(name);
    if (change.type === 'deleted') {
      if (!current) this.pods.set(name, change.pod);
      return;
    }
    if (current?.metadata?.resourceVersion === change.pod.metadata?.resourceVersion) this.pods.delete(name);
  }

  /** Every pod held, as `added` changes (a redelivery). */
  all(): PodChange[] {
    return [...this.pods.values()].map((pod) => ({ type: 'added', pod }));
  }

  get size(): number {
    return this.pods.size;
  }
}
