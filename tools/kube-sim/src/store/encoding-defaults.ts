import type { K8sObject } from './k8s-object';

/**
 * Fields the API server's JSON always carries, because Go encodes them without `omitempty` (the
 * fields the OpenAPI schema marks required are among them: a client with schema validation, such
 * as the official Python client, refuses an object without them). A field a writer left out reads
 * back as Go's zero value, as after the API server's decode/encode round trip: `""`, `0`, `false`,
 * `null` for a time, `{}` for a nested struct.
 */

type Rule = { zero: unknown } | { struct: Shape } | { present: Shape } | { each: Shape };
type Shape = Record<string, Rule>;

/** A scalar written as its zero value when missing. */
const zero = (value: unknown): Rule => ({ zero: value });
/** A nested struct (not a pointer): always written, `{}` at least, then filled. */
const struct = (shape: Shape = {}): Rule => ({ struct: shape });
/** A pointer to a struct: filled only when present. */
const present = (shape: Shape): Rule => ({ present: shape });
/** A list of structs: each element filled. */
const each = (shape: Shape): Rule => ({ each: shape });

const strings = (...names: string[]): Shape => Object.fromEntries(names.map((n) => [n, zero('')]));

const typeAndStatus = strings('type', 'status');
const containerState: Shape = { terminated: present({ exitCode: zero(0) }) };
const containerStatus: Shape = {
  ...strings('name', 'image', 'imageID'),
  ready: zero(false),
  restartCount: zero(0),
  state: struct(containerState),
  lastState: struct(containerState),
};
const container: Shape = { name: zero(''), ports: each({ containerPort: zero(0) }), resources: struct() };
const objectMeta: Shape = { ownerReferences: each(strings('apiVersion', 'kind', 'name', 'uid')) };

const SHAPES: Record<string, Shape> = {
  pods: {
    metadata: struct(objectMeta),
    spec: struct({ containers: each(container), initContainers: each(container) }),
    status: struct({
      conditions: each(typeAndStatus),
      containerStatuses: each(containerStatus),
      initContainerStatuses: each(containerStatus),
      ephemeralContainerStatuses: each(containerStatus),
    }),
  },
  nodes: {
    metadata: struct(objectMeta),
    spec: struct({ taints: each(strings('key', 'effect')) }),
    status: struct({
      conditions: each(typeAndStatus),
      addresses: each(strings('type', 'address')),
      daemonEndpoints: struct({ kubeletEndpoint: struct({ Port: zero(0) }) }),
      nodeInfo: struct(
        strings(
          'machineID',
          'systemUUID',
          'bootID',
          'kernelVersion',
          'osImage',
          'containerRuntimeVersion',
          'kubeletVersion',
          'kubeProxyVersion',
          'operatingSystem',
          'architecture',
        ),
      ),
      volumesAttached: each(strings('name', 'devicePath')),
    }),
  },
  namespaces: {
    metadata: struct(objectMeta),
    spec: struct(),
    status: struct({ conditions: each(typeAndStatus) }),
  },
  events: {
    metadata: struct(objectMeta),
    involvedObject: struct(),
    source: struct(),
    ...strings('reportingComponent', 'reportingInstance'),
    firstTimestamp: zero(null),
    lastTimestamp: zero(null),
    eventTime: zero(null),
  },
  poddisruptionbudgets: {
    metadata: struct(objectMeta),
    spec: struct(),
    status: struct({
      currentHealthy: zero(0),
      desiredHealthy: zero(0),
      disruptionsAllowed: zero(0),
      expectedPods: zero(0),
      conditions: each(strings('type', 'status', 'reason', 'message')),
    }),
  },
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function fill(target: Record<string, unknown>, shape: Shape): void {
  for (const [field, rule] of Object.entries(shape)) {
    const value = target[field];
    if ('zero' in rule) {
      if (value === undefined) target[field] = rule.zero;
    } else if ('struct' in rule) {
      if (!isObject(value)) target[field] = {};
      fill(target[field] as Record<string, unknown>, rule.struct);
    } else if ('present' in rule) {
      if (isObject(value)) fill(value, rule.present);
    } else if (Array.isArray(value)) {
      for (const element of value) if (isObject(element)) fill(element, rule.each);
    }
  }
}

/** Fills, in place, the always-encoded fields an object of `resource` is missing; returns it. */
export function withEncodingDefaults(resource: string, object: K8sObject): K8sObject {
  const shape = SHAPES[resource];
  if (shape) fill(object as Record<string, unknown>, shape);
  return object;
}
