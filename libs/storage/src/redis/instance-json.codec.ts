import { type Instance, instanceStatusFromInt, instanceStatusToInt } from '@maestro/domain';

/** The instance JSON of the `podMap` hash (runtime-kubernetes.md section 4): exactly these field names. */
export interface InstanceJson {
  id: string;
  schedulerId: string;
  status: { type: number; description: string };
  address: { host: string; ports: { name: string; port: number; protocol: string }[] } | null;
  resourceVersion: string;
}

/** Encodes an instance as Maestro stores it (status as its integer, `null` address when unknown). */
export function instanceToJson(instance: Instance): string {
  const json: InstanceJson = {
    id: instance.id,
    schedulerId: instance.schedulerId,
    status: { type: instanceStatusToInt(instance.status.type), description: instance.status.description },
    address: instance.address ?? null,
    resourceVersion: instance.resourceVersion,
  };
  return JSON.stringify(json);
}

/** Decodes a stored instance; missing fields read as their zero values. */
export function instanceFromJson(text: string): Instance {
  const json = JSON.parse(text) as Partial<InstanceJson>;
  return {
    id: json.id ?? '',
    schedulerId: json.schedulerId ?? '',
    status: { type: instanceStatusFromInt(json.status?.type ?? 0), description: json.status?.description ?? '' },
    ...(json.address ? { address: json.address } : {}),
    resourceVersion: json.resourceVersion ?? '',
  };
}
