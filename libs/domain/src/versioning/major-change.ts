import type { Container, ContainerPort, Scheduler } from '../entities/scheduler';
import { deepEqual } from './deep-equal';

export { deepEqual } from './deep-equal';

/**
 * Whether `candidate` differs from `active` in a way that needs new rooms (storage.md 3.2).
 * Ignored: name, game, state, spec.version, rollback version, creation time, lastDownscaleAt,
 * maxSurge, rollbackThreshold, the rollout watch, roomsReplicas, autoscaling, matchAllocation. Compared: termination grace period,
 * containers, toleration, affinity, restart policy, portRange, forwarders, annotations, labels,
 * with absent and empty maps different. Container ports (either side) identical to `active`'s port
 * of the same name, hostPort ignored, are left out, so removing or reordering some ports is minor.
 * The first argument is the reference: pass (old, active) to detect a rolling update.
 */
export function isMajorChange(active: Scheduler, candidate: Scheduler): boolean {
  const reference = portsByName(active);
  return !deepEqual(comparable(active, reference), comparable(candidate, reference));
}

type PortKey = ReturnType<typeof portKey>;

function comparable(s: Scheduler, reference: Map<string, PortKey>) {
  return {
    terminationGracePeriodNs: s.spec.terminationGracePeriodNs,
    containers: s.spec.containers.map((c) => comparableContainer(c, reference)),
    toleration: s.spec.toleration,
    affinity: s.spec.affinity,
    restartPolicy: s.spec.restartPolicy,
    portRange: s.portRange ?? null,
    forwarders: s.forwarders.map((f) => ({ ...f, options: f.options ?? null })),
    annotations: s.annotations ?? null,
    labels: s.labels ?? null,
  };
}

function comparableContainer(c: Container, reference: Map<string, PortKey>) {
  const keys = c.ports.map(portKey);
  return {
    ...c,
    environment: c.environment.map((e) => ({ name: e.name, value: e.value ?? '', valueFrom: e.valueFrom ?? null })),
    // An empty port list stays distinct from a non-empty one whose ports are all left out
    // (Go compares a nil slice with a filtered non-nil one as different).
    hasPorts: keys.length > 0,
    ports: keys.filter((key) => !deepEqual(key, reference.get(key.name) ?? ZERO_PORT)),
  };
}

function portKey(port: ContainerPort) {
  return { name: port.name, protocol: port.protocol, port: port.port, hostPortRange: port.hostPortRange ?? null };
}

const ZERO_PORT: PortKey = { name: '', protocol: '', port: 0, hostPortRange: null };

/** The active configuration's ports by name; a later port of the same name wins (a Go map). */
function portsByName(s: Scheduler): Map<string, PortKey> {
  return new Map(s.spec.containers.flatMap((c) => c.ports.map((p) => [p.name, portKey(p)] as const)));
}
