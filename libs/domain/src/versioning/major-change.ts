import type { Container, ContainerPort, Scheduler } from '../entities/scheduler';

/**
 * Whether `candidate` differs from `active` in a way that requires replacing rooms
 * (storage.md 3.2): any field but name, game, state, version, rollback version, creation time,
 * lastDownscaleAt, maxSurge, roomsReplicas, autoscaling and matchAllocation. Absent and empty maps
 * differ; ports identical to the active configuration's port of the same name (hostPort ignored)
 * are left out of the comparison.
 */
export function isMajorChange(active: Scheduler, candidate: Scheduler): boolean {
  const compared = (s: Scheduler, reference: Scheduler) => ({
    terminationGracePeriodNs: s.spec.terminationGracePeriodNs,
    containers: s.spec.containers.map((c) => comparableContainer(c, reference)),
    toleration: s.spec.toleration,
    affinity: s.spec.affinity,
    restartPolicy: s.spec.restartPolicy,
    portRange: s.portRange ?? null,
    forwarders: s.forwarders.map((f) => ({ ...f, options: f.options ?? null })),
    annotations: s.annotations ?? null,
    labels: s.labels ?? null,
  });
  return !deepEqual(compared(active, active), compared(candidate, active));
}

function comparableContainer(container: Container, reference: Scheduler) {
  const activePorts = reference.spec.containers.flatMap((c) => c.ports);
  const sameAsActive = (port: ContainerPort) =>
    activePorts.some((a) => a.name === port.name && deepEqual(withoutHostPort(a), withoutHostPort(port)));
  return {
    ...container,
    environment: container.environment.map((e) => ({ name: e.name, value: e.value ?? '', valueFrom: e.valueFrom ?? null })),
    ports: container.ports.filter((port) => !sameAsActive(port)).map(withoutHostPort),
  };
}

function withoutHostPort(port: ContainerPort) {
  return { name: port.name, protocol: port.protocol, port: port.port, hostPortRange: port.hostPortRange ?? null };
}

/** Structural equality of JSON-like values (undefined object keys ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined).sort();
  const [ka, kb] = [keys(a), keys(b)];
  return deepEqual(ka, kb) && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
