import type { Instance, InstancePort } from '@maestro/domain';
import type { V1Pod } from '@kubernetes/client-node';
import { podToInstanceStatus } from './pod-status.mapper';

/** The pod's container ports that have a host port (hostPort != 0): host port, upper-case protocol. */
export function instancePorts(pod: V1Pod): InstancePort[] {
  return (pod.spec?.containers ?? []).flatMap((container) =>
    (container.ports ?? [])
      .filter((port) => port.hostPort !== undefined && port.hostPort !== 0)
      .map((port) => ({ name: port.name ?? '', port: port.hostPort as number, protocol: (port.protocol ?? 'TCP').toUpperCase() })),
  );
}

/**
 * Pod -> instance (runtime-kubernetes.md section 4): id = pod name, scheduler = `schedulerId` (the
 * pod's namespace by default), status by section 6; an address only when the node's host is known.
 */
export function podToInstance(pod: V1Pod, host?: string, schedulerId: string = pod.metadata?.namespace ?? ''): Instance {
  return {
    id: pod.metadata?.name ?? '',
    schedulerId,
    status: podToInstanceStatus(pod),
    ...(host !== undefined ? { address: { host, ports: instancePorts(pod) } } : {}),
    resourceVersion: pod.metadata?.resourceVersion ?? '',
    ...(pod.metadata?.labels?.version !== undefined ? { version: pod.metadata.labels.version } : {}),
  };
}
