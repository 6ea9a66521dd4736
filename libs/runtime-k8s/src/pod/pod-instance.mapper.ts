import type { Instance, InstancePort } from '@maestro/domain';
import type { V1Pod } from '@kubernetes/client-node';
import { podToInstanceStatus } from './pod-status.mapper';

/** The pod's container ports that have a host port, as the instance lists them. */
export function instancePorts(pod: V1Pod): InstancePort[] {
  return (pod.spec?.containers ?? []).flatMap((c) =>
    (c.ports ?? []).filter((p) => p.hostPort).map((p) => ({ name: p.name ?? '', port: p.hostPort as number, protocol: (p.protocol ?? 'TCP').toUpperCase() })),
  );
}

/** Pod -> instance; the address is present only when the node's host is known. */
export function podToInstance(pod: V1Pod, host?: string): Instance {
  return {
    id: pod.metadata?.name ?? '',
    schedulerId: pod.metadata?.namespace ?? '',
    status: podToInstanceStatus(pod),
    ...(host !== undefined ? { address: { host, ports: instancePorts(pod) } } : {}),
    resourceVersion: pod.metadata?.resourceVersion ?? '',
  };
}
