import type { V1Pod } from '@kubernetes/client-node';

export interface PodList {
  items: V1Pod[];
  resourceVersion: string;
}

/** A running watch stream. */
export interface PodWatchStream {
  /** Ends the stream; its `onClose` still fires (once). */
  close(): void;
}

/** Where an informer lists and watches pods (by label selector). */
export interface PodSource {
  /** A consistent list of the pods and its resourceVersion. */
  list(): Promise<PodList>;
  /**
   * Watches from `resourceVersion`: `onEvent` for each event (type as sent: ADDED, MODIFIED,
   * DELETED, BOOKMARK, ERROR), then `onClose` exactly once when the stream ends, with the error
   * that ended it or null for a clean close.
   */
  watch(resourceVersion: string, onEvent: (type: string, object: unknown) => void, onClose: (error: unknown) => void): Promise<PodWatchStream>;
}
