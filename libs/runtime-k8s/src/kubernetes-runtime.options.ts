import type { KubernetesClientOptions } from './client/kubernetes-client';
import { DEFAULT_TOPOLOGY_SPREAD, type TopologySpreadOptions } from './pod/pod-builder';

/** Settings of KubernetesRuntime; the app builds them from `adapters.runtime.kubernetes.*`. */
export interface KubernetesRuntimeOptions extends KubernetesClientOptions {
  /** The spread constraint of room pods (default: Maestro's config.yaml, enabled, maxSkew 5, zone). */
  topologySpreadConstraint?: TopologySpreadOptions;
  /** @deprecated the former name of `topologySpreadConstraint`, still accepted. */
  topologySpread?: TopologySpreadOptions;
  /** Full re-list period of each pod watch (Maestro's informer resync: 30 s). */
  resyncMs?: number;
  /** How long a node's address is cached (Maestro: 24 h). */
  nodeAddressTtlMs?: number;
  /** Key of the rooms' tokens (MAESTRO_ROOMSAPI_AUTH_SECRET): each room's pod gets its MAESTRO_ROOM_TOKEN. */
  roomTokenSecret?: string;
  /** First reconnect delay of a dropped watch; doubles per failure up to 10 s (default 100 ms). */
  watchBackoffMs?: number;
}

export const DEFAULT_RESYNC_MS = 30_000;
export const DEFAULT_NODE_ADDRESS_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_WATCH_BACKOFF_MS = 100;
export const MAX_WATCH_BACKOFF_MS = 10_000;

/** The spread constraint options in force: the new name, else the deprecated one, else the defaults. */
export function topologySpreadOf(options: KubernetesRuntimeOptions): TopologySpreadOptions {
  return options.topologySpreadConstraint ?? options.topologySpread ?? DEFAULT_TOPOLOGY_SPREAD;
}
