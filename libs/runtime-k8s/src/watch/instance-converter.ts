import type { Instance, InstanceEvent } from '@maestro/domain';
import { podToInstance } from '../pod/pod-instance.mapper';
import { podToInstanceStatus } from '../pod/pod-status.mapper';
import type { PodChange } from './pod-store';

/**
 * Pod changes -> instance events for one scheduler, with Maestro's per-watcher cache
 * (runtime-kubernetes.md section 7 step 4): a pod seen `ready` keeps its id and address, later
 * changes only recompute status and resourceVersion; `deleted` drops it from the cache. The
 * scheduler id is always the watched namespace, also for deleted pods.
 */
export class InstanceConverter {
  private readonly cache = new Map<string, Instance>();

  constructor(
    private readonly schedulerId: string,
    private readonly resolveHost: (nodeName: string) => Promise<string>,
  ) {}

  /**
   * The event for one change. Rejects (the event is to be dropped) when an added or updated pod's
   * node cannot be resolved to an address; deleted pods are converted without an address instead.
   */
  async convert(change: PodChange): Promise<InstanceEvent> {
    const { pod, type } = change;
    const name = pod.metadata?.name ?? '';
    const cached = this.cache.get(name);
    let instance: Instance;
    if (cached) {
      instance = { ...cached, status: podToInstanceStatus(pod), resourceVersion: pod.metadata?.resourceVersion ?? '' };
    } else {
      const nodeName = pod.spec?.nodeName;
      let host: string | undefined;
      if (nodeName) host = type === 'deleted' ? await this.resolveHost(nodeName).catch(() => undefined) : await this.resolveHost(nodeName);
      instance = podToInstance(pod, host, this.schedulerId);
    }
    if (type === 'deleted') this.cache.delete(name);
    else if (cached || instance.status.type === 'ready') this.cache.set(name, instance);
    return { type, instance };
  }
}
