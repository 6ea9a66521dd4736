import type { Scheduler } from '../entities/scheduler';
import { INPUT_LIMITS } from './input-limits';
import { type IssueCollector, rule } from './field-rules';

/**
 * Label keys Maestro puts on every room's pod or namespace; a scheduler's labels may not replace
 * them (the runtime selects, counts and owns rooms by them). libs/runtime-k8s checks in a test that
 * every label it writes is listed here.
 */
export const RESERVED_LABEL_KEYS: readonly string[] = ['maestro-scheduler', 'heritage', 'version', 'app.kubernetes.io/managed-by'];

/** Annotation keys Maestro puts on every room's pod. */
export const RESERVED_ANNOTATION_KEYS: readonly string[] = ['cluster-autoscaler.kubernetes.io/safe-to-evict'];

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Kubernetes' qualified name (`[prefix/]name`): name <= 63 alphanumerics with `-_.` inside, prefix a DNS subdomain <= 253. */
export function isQualifiedName(key: string): boolean {
  const slash = key.indexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return false;
  return name.length <= 63 && NAME_PART.test(name);
}

/** Kubernetes' label value: empty, or <= 63 alphanumerics with `-_.` inside. */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

/** Rules on `labels` and `annotations`: Kubernetes' syntax, Maestro's keys reserved, counts and size bounded. */
export function collectMetadataIssues(s: Pick<Scheduler, 'labels' | 'annotations'>, at: IssueCollector): void {
  const annotations = Object.entries(s.annotations ?? {});
  at.check(annotations.length > INPUT_LIMITS.annotations, 'Annotations', 'max', (f) => rule.maxItems(f, INPUT_LIMITS.annotations));
  for (const [key] of annotations.slice(0, INPUT_LIMITS.annotations)) checkKey(key, `Annotations[${shown(key)}]`, RESERVED_ANNOTATION_KEYS, at);
  const bytes = annotations.reduce((total, [key, value]) => total + Buffer.byteLength(key) + Buffer.byteLength(value), 0);
  at.check(
    bytes > INPUT_LIMITS.annotationsTotalBytes,
    'Annotations',
    'annotations_size',
    (f) => `${f} must hold at most ${INPUT_LIMITS.annotationsTotalBytes} bytes of keys and values`,
  );

  const labels = Object.entries(s.labels ?? {});
  at.check(labels.length > INPUT_LIMITS.labels, 'Labels', 'max', (f) => rule.maxItems(f, INPUT_LIMITS.labels));
  for (const [key, value] of labels.slice(0, INPUT_LIMITS.labels)) {
    const field = `Labels[${shown(key)}]`;
    checkKey(key, field, RESERVED_LABEL_KEYS, at) || at.check(!isLabelValue(value), field, 'label_value', rule.labelValue);
  }
}

function checkKey(key: string, field: string, reserved: readonly string[], at: IssueCollector): boolean {
  return (
    at.check(!isQualifiedName(key), field, 'qualified_name', (f) => `${f} must have a Kubernetes qualified name as key ([prefix/]name)`) ||
    at.check(reserved.includes(key), field, 'reserved_key', (f) => `${f} uses a key Maestro sets itself`)
  );
}

/** A key as it appears in an issue's path: cut short, so that a huge key does not make a huge answer. */
function shown(key: string): string {
  return key.length > 80 ? `${key.slice(0, 80)}...` : key;
}
