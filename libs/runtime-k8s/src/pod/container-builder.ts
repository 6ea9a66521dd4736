import { type Container, type ContainerResources, type EnvVar, InvalidArgumentError, roomToken } from '@maestro/domain';
import type { V1Container, V1ContainerPort, V1EnvVar } from '@kubernetes/client-node';

/** A Kubernetes quantity: signed decimal, then a binary/decimal SI suffix or a decimal exponent. */
const QUANTITY = /^[+-]?(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** `tcp` -> `TCP`, `udp` -> `UDP` (any case); anything else, `sctp` included, is refused. */
export function portProtocol(protocol: string): 'TCP' | 'UDP' {
  const upper = protocol.toUpperCase();
  if (upper === 'TCP' || upper === 'UDP') return upper;
  throw new InvalidArgumentError(`invalid port protocol "${protocol}"`);
}

/** Whether `value` parses as a Kubernetes resource quantity. */
export function isQuantity(value: string): boolean {
  return QUANTITY.test(value);
}

/** `cpu` and `memory` when non-empty, each checked as a quantity (`failed to parse resource ...`). */
export function resourceList(values: ContainerResources): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of [
    ['cpu', values.cpu],
    ['memory', values.memory],
  ] as const) {
    if (!value) continue;
    if (!isQuantity(value)) throw new InvalidArgumentError(`failed to parse resource "${name}" = "${value}"`);
    result[name] = value;
  }
  return result;
}

/** One configured variable: a value, a secret key, a field reference, or the name alone. */
export function envVar(variable: EnvVar): V1EnvVar {
  const { name, value, valueFrom } = variable;
  if (value) return { name, value };
  if (valueFrom?.secretKeyRef) return { name, valueFrom: { secretKeyRef: { name: valueFrom.secretKeyRef.name, key: valueFrom.secretKeyRef.key } } };
  if (valueFrom?.fieldRef) return { name, valueFrom: { fieldRef: { fieldPath: valueFrom.fieldRef.fieldPath } } };
  return { name };
}

/**
 * The Kubernetes container of one spec container (runtime-kubernetes.md 3.2): ports with their
 * allocated host ports, the configured environment then MAESTRO_SCHEDULER_NAME and MAESTRO_ROOM_ID
 * (and, given the rooms' secret, the room's credential MAESTRO_ROOM_TOKEN, not in Maestro), requests
 * and limits. Throws InvalidArgumentError on a bad protocol or quantity.
 */
export function buildContainer(container: Container, schedulerName: string, roomId: string, roomTokenSecret?: string): V1Container {
  const ports: V1ContainerPort[] = container.ports.map((port) => ({
    name: port.name,
    protocol: portProtocol(port.protocol),
    containerPort: port.port,
    hostPort: port.hostPort,
  }));
  return {
    name: container.name,
    image: container.image,
    ...(container.imagePullPolicy ? { imagePullPolicy: container.imagePullPolicy } : {}),
    ...(container.command.length > 0 ? { command: [...container.command] } : {}),
    ports,
    env: [
      ...container.environment.map(envVar),
      { name: 'MAESTRO_SCHEDULER_NAME', value: schedulerName },
      { name: 'MAESTRO_ROOM_ID', value: roomId },
      ...(roomTokenSecret ? [{ name: 'MAESTRO_ROOM_TOKEN', value: roomToken(roomTokenSecret, schedulerName, roomId) }] : []),
    ],
    resources: { requests: resourceList(container.requests), limits: resourceList(container.limits) },
  };
}
