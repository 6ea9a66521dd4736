/** A Kubernetes object as kube-sim stores it (plain JSON). */
export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    deletionGracePeriodSeconds?: number;
    generateName?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
    [key: string]: unknown;
  };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  status?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  [key: string]: unknown;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface StoredEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resource: string;
  object: K8sObject;
  /** The object before a MODIFIED change (watches with selectors turn it into ADDED/DELETED). */
  previous?: K8sObject;
  resourceVersion: number;
}

/** The resources kube-sim serves. */
export interface ResourceType {
  /** plural name in URLs */
  name: string;
  /** group-qualified name used in messages (`poddisruptionbudgets.policy`) */
  qualified: string;
  kind: string;
  apiVersion: string;
  namespaced: boolean;
  shortNames?: string[];
  verbs: string[];
}

/** The API group of an apiVersion (`policy` of `policy/v1`; `` for the core `v1`). */
export const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');

const ALL_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

export const RESOURCES: Record<string, ResourceType> = {
  namespaces: { name: 'namespaces', qualified: 'namespaces', kind: 'Namespace', apiVersion: 'v1', namespaced: false, shortNames: ['ns'], verbs: ALL_VERBS },
  pods: { name: 'pods', qualified: 'pods', kind: 'Pod', apiVersion: 'v1', namespaced: true, shortNames: ['po'], verbs: ALL_VERBS },
  nodes: { name: 'nodes', qualified: 'nodes', kind: 'Node', apiVersion: 'v1', namespaced: false, shortNames: ['no'], verbs: ALL_VERBS },
  events: { name: 'events', qualified: 'events', kind: 'Event', apiVersion: 'v1', namespaced: true, shortNames: ['ev'], verbs: ALL_VERBS },
  poddisruptionbudgets: {
    name: 'poddisruptionbudgets',
    qualified: 'poddisruptionbudgets.policy',
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    namespaced: true,
    shortNames: ['pdb'],
    verbs: ALL_VERBS,
  },
};
