import type { K8sObject } from '../store/k8s-object';

type Requirement = (labels: Record<string, string>) => boolean;

/** Parses a label selector (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`). */
export function parseLabelSelector(selector: string | undefined): Requirement {
  if (!selector || !selector.trim()) return () => true;
  const requirements = splitTopLevel(selector).map(parseRequirement);
  return (labels) => requirements.every((r) => r(labels));
}

function parseRequirement(text: string): Requirement {
  const t = text.trim();
  let m = /^(\S+?)\s+(in|notin)\s+\((.*)\)$/.exec(t);
  if (m) {
    const [, k, op, list] = m;
    const values = list.split(',').map((v) => v.trim());
    return op === 'in' ? (l) => k in l && values.includes(l[k]) : (l) => !(k in l) || !values.includes(l[k]);
  }
  m = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(t);
  if (m) {
    const [, k, op, v] = m;
    return op === '!=' ? (l) => l[k] !== v : (l) => l[k] === v;
  }
  if (t.startsWith('!')) return (l) => !(t.slice(1) in l);
  if (/^[\w./-]+$/.test(t)) return (l) => t in l;
  throw new Error(`unable to parse requirement: ${t}`);
}

/** Commas separate requirements except inside parentheses. */
function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of selector) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  if (current.trim()) parts.push(current);
  return parts;
}

const involved = (o: K8sObject, field: string) => (o.involvedObject as Record<string, string> | undefined)?.[field];

const FIELDS: Record<string, (o: K8sObject) => string | undefined> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
  'spec.nodeName': (o) => o.spec?.nodeName ?? '',
  'spec.restartPolicy': (o) => o.spec?.restartPolicy ?? '',
  'spec.schedulerName': (o) => o.spec?.schedulerName ?? '',
  'spec.unschedulable': (o) => String(o.spec?.unschedulable ?? false),
  'status.phase': (o) => o.status?.phase ?? '',
  'status.podIP': (o) => o.status?.podIP ?? '',
  'involvedObject.kind': (o) => involved(o, 'kind'),
  'involvedObject.name': (o) => involved(o, 'name'),
  'involvedObject.namespace': (o) => involved(o, 'namespace'),
  'involvedObject.uid': (o) => involved(o, 'uid'),
  reason: (o) => o.reason as string | undefined,
  type: (o) => o.type as string | undefined,
};

/** Parses a field selector (`metadata.name=x`, `status.phase!=Running`), on the fields kube-sim knows. */
export function parseFieldSelector(selector: string | undefined): (o: K8sObject) => boolean {
  if (!selector || !selector.trim()) return () => true;
  const requirements = selector.split(',').map((part) => {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(part.trim());
    if (!m) throw new Error(`invalid selector: '${selector}'; can't understand '${part}'`);
    if (!FIELDS[m[1]]) throw new Error(`field label not supported: ${m[1]}`);
    const [, field, op, value] = m;
    const read = FIELDS[field];
    return op === '!=' ? (o: K8sObject) => read(o) !== value : (o: K8sObject) => read(o) === value;
  });
  return (o) => requirements.every((r) => r(o));
}
