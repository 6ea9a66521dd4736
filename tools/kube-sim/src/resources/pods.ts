import type { K8sObject } from '../store/k8s-object';
import { parseQuantity } from '../sim/quantity';
import { type Cause, dnsLabelIssues, invalidValue, InvalidError, notSupported, required } from './validation';

interface Container {
  name?: string;
  image?: string;
  imagePullPolicy?: string;
  ports?: { name?: string; containerPort?: number; hostPort?: number; protocol?: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  [key: string]: unknown;
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

function containerIssues(c: Container, i: number): Cause[] {
  const at = `spec.containers[${i}]`;
  const issues: Cause[] = [];
  if (!c.name) issues.push(required(`${at}.name`));
  else issues.push(...dnsLabelIssues(`${at}.name`, c.name));
  if (!c.image) issues.push(required(`${at}.image`));
  if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) issues.push(notSupported(`${at}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  (c.ports ?? []).forEach((p, j) => {
    const port = `${at}.ports[${j}]`;
    if (!Number.isInteger(p.containerPort) || (p.containerPort as number) < 1 || (p.containerPort as number) > 65535) {
      issues.push(invalidValue(`${port}.containerPort`, p.containerPort ?? 0, 'must be between 1 and 65535, inclusive'));
    }
    if (p.hostPort !== undefined && (!Number.isInteger(p.hostPort) || p.hostPort < 0 || p.hostPort > 65535)) {
      issues.push(invalidValue(`${port}.hostPort`, p.hostPort, 'must be between 1 and 65535, inclusive'));
    }
    if (p.protocol !== undefined && !PROTOCOLS.includes(p.protocol)) issues.push(notSupported(`${port}.protocol`, p.protocol, PROTOCOLS));
  });
  for (const kind of ['requests', 'limits'] as const) {
    for (const [resource, quantity] of Object.entries(c.resources?.[kind] ?? {})) {
      if (parseQuantity(quantity) === undefined) {
        issues.push(
          invalidValue(
            `${at}.resources.${kind}[${resource}]`,
            quantity,
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
          ),
        );
      }
    }
  }
  return issues;
}

/** Every validation problem of a pod about to be created (the API server reports them all at once). */
export function podIssues(pod: K8sObject): Cause[] {
  const containers: Container[] | undefined = pod.spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) return [required('spec.containers')];
  const issues = containers.flatMap(containerIssues);
  const names = containers.map((c) => c.name);
  names.forEach(
    (n, i) =>
      n && names.indexOf(n) !== i && issues.push({ reason: 'FieldValueDuplicate', field: `spec.containers[${i}].name`, message: `Duplicate value: "${n}"` }),
  );
  const restart = pod.spec?.restartPolicy;
  if (restart !== undefined && !RESTART_POLICIES.includes(restart)) issues.push(notSupported('spec.restartPolicy', restart, RESTART_POLICIES));
  const grace = pod.spec?.terminationGracePeriodSeconds;
  if (grace !== undefined && (!Number.isInteger(grace) || grace < 0))
    issues.push(invalidValue('spec.terminationGracePeriodSeconds', grace, 'must be greater than or equal to 0'));
  return issues;
}

/** Guaranteed when every container's limits equal its requests, BestEffort with none, else Burstable. */
export function qosClass(containers: Container[]): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const all = containers.map((c) => ({ requests: c.resources?.requests ?? {}, limits: c.resources?.limits ?? {} }));
  if (all.every((c) => Object.keys(c.requests).length === 0 && Object.keys(c.limits).length === 0)) return 'BestEffort';
  const guaranteed = all.every(
    (c) =>
      ['cpu', 'memory'].every((r) => c.limits[r] !== undefined) &&
      Object.entries(c.requests).every(([r, q]) => parseQuantity(q) === parseQuantity(c.limits[r])),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

const defaultPullPolicy = (image: string) => (!/:[^/]+$/.test(image) || image.endsWith(':latest') ? 'Always' : 'IfNotPresent');

const NOT_READY_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

/**
 * Validates a new pod (throws 422 Invalid with every cause) and fills the defaults the API server
 * and its admission plugins add, so clients find the fields they expect.
 */
export function admitPod(pod: K8sObject): void {
  const issues = podIssues(pod);
  if (issues.length > 0) throw new InvalidError('Pod', pod.metadata.name, issues);
  const containers: Container[] = pod.spec.containers.map((c: Container) => ({
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: defaultPullPolicy(c.image as string),
    resources: {},
    ...c,
    ...(c.ports ? { ports: c.ports.map((p) => ({ protocol: 'TCP', ...p })) } : {}),
  }));
  const tolerations: { key?: string }[] = pod.spec.tolerations ?? [];
  pod.spec = {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
    serviceAccountName: 'default',
    enableServiceLinks: true,
    priority: 0,
    preemptionPolicy: 'PreemptLowerPriority',
    ...pod.spec,
    containers,
    tolerations: [...tolerations, ...NOT_READY_TOLERATIONS.filter((d) => !tolerations.some((t) => t.key === d.key))],
  };
  pod.status = { phase: 'Pending', qosClass: qosClass(containers) };
}
