import type { KubernetesClient } from '../client/kubernetes-client';
import type { PodList, PodSource, PodWatchStream } from './pod-source';

/** Lists and watches the pods of every namespace matching a label selector, through the rate-limited client. */
export class KubernetesPodSource implements PodSource {
  constructor(
    private readonly client: KubernetesClient,
    private readonly labelSelector: string,
  ) {}

  async list(): Promise<PodList> {
    const list = await this.client.call((request) => this.client.core.listPodForAllNamespaces({ labelSelector: this.labelSelector }, request));
    return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
  }

  async watch(resourceVersion: string, onEvent: (type: string, object: unknown) => void, onClose: (error: unknown) => void): Promise<PodWatchStream> {
    const query = { labelSelector: this.labelSelector, resourceVersion: resourceVersion || undefined, allowWatchBookmarks: true };
    const controller = await this.client.watch('/api/v1/pods', query, onEvent, onClose);
    return { close: () => controller.abort() };
  }
}
