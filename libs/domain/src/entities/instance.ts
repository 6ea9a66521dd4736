/** Instance: Maestro's mirror of the runtime object (pod) of a room. */

export const INSTANCE_STATUSES = ['unknown', 'pending', 'ready', 'terminating', 'error'] as const;
export type InstanceStatusType = (typeof INSTANCE_STATUSES)[number];
export const instanceStatusToInt = (s: InstanceStatusType): number => INSTANCE_STATUSES.indexOf(s);
export const instanceStatusFromInt = (n: number): InstanceStatusType => INSTANCE_STATUSES[n] ?? 'unknown';

export interface InstancePort {
  name: string;
  port: number;
  /** Kubernetes protocol name, upper case: TCP or UDP. */
  protocol: string;
}

export interface InstanceAddress {
  host: string;
  ports: InstancePort[];
}

export interface Instance {
  id: string;
  schedulerId: string;
  status: { type: InstanceStatusType; description: string };
  address?: InstanceAddress;
  resourceVersion: string;
  /** The scheduler version the pod was created from (its `version` label), when the runtime knows it. */
  version?: string;
}
