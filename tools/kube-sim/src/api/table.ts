import type { K8sObject } from '../store/k8s-object';
import { StoreError } from '../store/object-store';

/**
 * Server-side printing (meta.k8s.io Table), what `kubectl get` asks for with
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: the columns kubectl shows for a real
 * cluster (READY, STATUS, RESTARTS, AGE...), `-o wide` showing the columns of priority 1.
 */

export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'date';
  format: string;
  description: string;
  priority: number;
}

type Cell = string | number;

interface Printer {
  columns: TableColumn[];
  cells(object: K8sObject, now: Date): Cell[];
}

/** What each row carries besides its cells (`?includeObject=`), Metadata by default as the API server. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

const column = (name: string, description: string, options: Partial<Pick<TableColumn, 'type' | 'format' | 'priority'>> = {}): TableColumn => ({
  name,
  type: options.type ?? 'string',
  format: options.format ?? '',
  description,
  priority: options.priority ?? 0,
});

const NAME = column('Name', 'Name must be unique within a namespace.', { format: 'name' });
const AGE = column('Age', 'CreationTimestamp is a timestamp representing the server time when this object was created.');

/** Whether an Accept header asks for a Table (kubectl sends Table first, JSON as the fallback). */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((type) => {
    const parameters = type.split(';').map((part) => part.trim());
    return parameters.includes('as=Table') && parameters.includes('g=meta.k8s.io') && (parameters.includes('v=v1') || parameters.includes('v=v1beta1'));
  });
}

/** `?includeObject=` of a Table request: Metadata when absent; an unknown value is a 400, as the API server answers. */
export function includeObjectOf(query: URLSearchParams): IncludeObject {
  const value = query.get('includeObject') || 'Metadata';
  if (value === 'None' || value === 'Object' || value === 'Metadata') return value;
  throw new StoreError(400, 'BadRequest', `unrecognized includeObject value: ${JSON.stringify(value)}`);
}

/**
 * Kubernetes' short human duration (apimachinery `HumanDuration`): `42s` up to two minutes, then
 * `5m3s`, `47m`, `3h12m`, `2d5h`, `1y20d`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  const withRest = (big: number, bigUnit: string, rest: number, restUnit: string) => (rest === 0 ? `${big}${bigUnit}` : `${big}${bigUnit}${rest}${restUnit}`);
  if (minutes < 10) return withRest(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return withRest(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return withRest(days, 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return withRest(years, 'y', days % 365, 'd');
  return `${years}y`;
}

const age = (object: K8sObject, now: Date): string =>
  object.metadata.creationTimestamp ? humanDuration(now.getTime() - Date.parse(object.metadata.creationTimestamp)) : '<unknown>';

interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; terminated?: { reason?: string; exitCode?: number; signal?: number } };
}

/** The STATUS column of a pod, by kubectl's rules: the last container's waiting/terminated reason wins over the phase. */
export function podStatusReason(pod: K8sObject): string {
  let reason: string = pod.status?.reason || pod.status?.phase || 'Pending';
  const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? [];
  for (const status of [...statuses].reverse()) {
    const { waiting, terminated } = status.state ?? {};
    if (waiting?.reason) reason = waiting.reason;
    else if (terminated?.reason) reason = terminated.reason;
    else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
  }
  if (pod.metadata.deletionTimestamp) reason = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

const podPrinter: Printer = {
  columns: [
    NAME,
    column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'The number of times the containers in this pod have been restarted.', { type: 'integer' }),
    AGE,
    column('IP', 'IP address allocated to the pod.', { priority: 1 }),
    column('Node', 'Name of the node this pod is assigned to.', { priority: 1 }),
    column('Nominated Node', 'Name of the node where the pod is nominated to run.', { priority: 1 }),
    column('Readiness Gates', 'Readiness gates of the pod.', { priority: 1 }),
  ],
  cells(pod, now) {
    const containers: unknown[] = pod.spec?.containers ?? [];
    const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? [];
    const ready = statuses.filter((s) => s.ready).length;
    const restarts = statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0);
    return [
      pod.metadata.name,
      `${ready}/${containers.length}`,
      podStatusReason(pod),
      restarts,
      age(pod, now),
      pod.status?.podIP || '<none>',
      pod.spec?.nodeName || '<none>',
      '<none>',
      '<none>',
    ];
  },
};

const nodePrinter: Printer = {
  columns: [
    NAME,
    column('Status', 'The status of the node.'),
    column('Roles', 'The roles of the node.'),
    AGE,
    column('Version', 'Kubelet version reported by the node.'),
    column('Internal-IP', 'List of internal IPs in the node.', { priority: 1 }),
    column('External-IP', 'List of external IPs in the node.', { priority: 1 }),
    column('OS-Image', 'OS image reported by the node.', { priority: 1 }),
    column('Kernel-Version', 'Kernel version reported by the node.', { priority: 1 }),
    column('Container-Runtime', 'Container runtime reported by the node.', { priority: 1 }),
  ],
  cells(node, now) {
    const ready = (node.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
    const status = [ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown', ...(node.spec?.unschedulable ? ['SchedulingDisabled'] : [])].join(',');
    const roles = Object.keys(node.metadata.labels ?? {})
      .filter((label) => label.startsWith('node-role.kubernetes.io/'))
      .map((label) => label.slice('node-role.kubernetes.io/'.length))
      .join(',');
    const address = (type: string) =>
      (node.status?.addresses ?? [])
        .filter((a: { type: string }) => a.type === type)
        .map((a: { address: string }) => a.address)
        .join(',') || '<none>';
    const info = node.status?.nodeInfo ?? {};
    return [
      node.metadata.name,
      status,
      roles || '<none>',
      age(node, now),
      info.kubeletVersion ?? '',
      address('InternalIP'),
      address('ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};

const namespacePrinter: Printer = {
  columns: [NAME, column('Status', 'The status of the namespace.'), AGE],
  cells: (namespace, now) => [namespace.metadata.name, namespace.status?.phase ?? 'Active', age(namespace, now)],
};

const eventPrinter: Printer = {
  columns: [
    column('Last Seen', 'Time since the event was last seen.'),
    column('Type', 'Type of this event (Normal, Warning).'),
    column('Reason', 'Why the action was taken.'),
    column('Object', 'The object this event is about.'),
    column('Message', 'A human-readable description of the status of this operation.'),
  ],
  cells(event, now) {
    const last = event.lastTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp;
    const involved = (event.involvedObject ?? {}) as { kind?: string; name?: string };
    return [
      typeof last === 'string' ? humanDuration(now.getTime() - Date.parse(last)) : '<unknown>',
      String(event.type ?? ''),
      String(event.reason ?? ''),
      `${String(involved.kind ?? '').toLowerCase()}/${involved.name ?? ''}`,
      String(event.message ?? ''),
    ];
  },
};

const pdbPrinter: Printer = {
  columns: [
    NAME,
    column('Min Available', 'The minimum number or percentage of available pods this budget requires.'),
    column('Max Unavailable', 'The maximum number or percentage of unavailable pods this budget requires.'),
    column('Allowed Disruptions', 'The number of disruptions currently allowed.', { type: 'integer' }),
    AGE,
  ],
  cells: (pdb, now) => [
    pdb.metadata.name,
    String(pdb.spec?.minAvailable ?? 'N/A'),
    String(pdb.spec?.maxUnavailable ?? 'N/A'),
    pdb.status?.disruptionsAllowed ?? 0,
    age(pdb, now),
  ],
};

const PRINTERS: Record<string, Printer> = {
  pods: podPrinter,
  nodes: nodePrinter,
  namespaces: namespacePrinter,
  events: eventPrinter,
  poddisruptionbudgets: pdbPrinter,
};

export interface TableOptions {
  includeObject: IncludeObject;
  /** List metadata (resourceVersion, continue) of the table. */
  metadata?: Record<string, unknown>;
  /** Leave the column definitions out (every watch event after the first, as the API server does). */
  withoutColumns?: boolean;
  now?: Date;
}

/** The Table of `objects` of one resource. */
export function tableOf(resource: string, objects: K8sObject[], options: TableOptions): Record<string, unknown> {
  const printer = PRINTERS[resource] ?? { columns: [NAME, AGE], cells: (o: K8sObject, now: Date) => [o.metadata.name, age(o, now)] };
  const now = options.now ?? new Date();
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: options.metadata ?? {},
    columnDefinitions: options.withoutColumns ? [] : printer.columns,
    rows: objects.map((object) => ({ cells: printer.cells(object, now), ...rowObject(object, options.includeObject) })),
  };
}

function rowObject(object: K8sObject, include: IncludeObject): { object?: unknown } {
  if (include === 'None') return {};
  if (include === 'Object') return { object };
  return { object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata } };
}
