import type { Autoscaling, Container, EnvVar, Forwarder, Scheduler } from '@maestro/domain';
import { domain } from '../lazy';
import type { AutoscalingJson, ContainerJson, ForwarderJson, SchedulerJson } from '../api/wire-types';

/**
 * A scheduler's JSON (a scheduler file, or the API's answer) as the domain's Scheduler with the
 * defaults the management API gives a request, so the domain's rules (major or minor) apply to it.
 * Maps that are empty count as absent: the API prints `{}` for a scheduler without annotations.
 */
export function toDomainScheduler(json: SchedulerJson): Scheduler {
  const spec = json.spec ?? {};
  const { applySchedulerDefaults, ZERO_TIME } = domain();
  return applySchedulerDefaults({
    name: json.name ?? '',
    game: json.game ?? '',
    state: 'creating',
    rollbackVersion: '',
    spec: {
      version: '',
      terminationGracePeriodNs: durationNs(spec.terminationGracePeriod),
      containers: (spec.containers ?? []).map(container),
      toleration: spec.toleration ?? '',
      affinity: spec.affinity ?? '',
      restartPolicy: spec.restartPolicy ?? '',
    },
    autoscaling: json.autoscaling ? autoscaling(json.autoscaling) : undefined,
    portRange: json.portRange ? { start: json.portRange.start ?? 0, end: json.portRange.end ?? 0 } : undefined,
    roomsReplicas: json.roomsReplicas ?? 0,
    createdAt: new Date(ZERO_TIME),
    lastDownscaleAt: new Date(ZERO_TIME),
    maxSurge: json.maxSurge ?? '',
    forwarders: (json.forwarders ?? []).map(forwarder),
    annotations: nonEmpty(json.annotations),
    labels: nonEmpty(json.labels),
    matchAllocation: { maxMatches: json.matchAllocation?.maxMatches ?? 1 },
  });
}

/** A protobuf Duration ("5s", "0.5s") in nanoseconds; 0 when absent or unreadable. */
export function durationNs(text: string | undefined): number {
  const match = /^(\d+)(?:\.(\d{1,9}))?s$/.exec(text ?? '');
  if (!match) return 0;
  return Number(match[1]) * 1e9 + Number((match[2] ?? '').padEnd(9, '0'));
}

const nonEmpty = (map: Record<string, string> | undefined) => (map && Object.keys(map).length > 0 ? map : undefined);

function env(e: NonNullable<ContainerJson['environment']>[number]): EnvVar {
  if (e.value !== undefined) return { name: e.name ?? '', value: e.value };
  const { secretKeyRef, fieldRef } = e.valueFrom ?? {};
  if (secretKeyRef) return { name: e.name ?? '', valueFrom: { secretKeyRef: { name: secretKeyRef.name ?? '', key: secretKeyRef.key ?? '' } } };
  if (fieldRef) return { name: e.name ?? '', valueFrom: { fieldRef: { fieldPath: fieldRef.fieldPath ?? '' } } };
  return { name: e.name ?? '' };
}

function container(c: ContainerJson): Container {
  return {
    name: c.name ?? '',
    image: c.image ?? '',
    imagePullPolicy: c.imagePullPolicy ?? '',
    command: c.command ?? [],
    environment: (c.environment ?? []).map(env),
    requests: { memory: c.requests?.memory ?? '', cpu: c.requests?.cpu ?? '' },
    limits: { memory: c.limits?.memory ?? '', cpu: c.limits?.cpu ?? '' },
    ports: (c.ports ?? []).map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol ?? '',
      port: p.port ?? 0,
      hostPort: p.hostPort ?? 0,
      hostPortRange: p.hostPortRange ? { start: p.hostPortRange.start, end: p.hostPortRange.end } : undefined,
    })),
  };
}

function forwarder(f: ForwarderJson): Forwarder {
  const options = f.options ? { timeoutMs: Number(f.options.timeout ?? 0), metadata: f.options.metadata ?? {} } : undefined;
  return { name: f.name ?? '', enabled: f.enable ?? false, forwardType: f.type ?? '', address: f.address ?? '', options };
}

function autoscaling(a: AutoscalingJson): Autoscaling {
  const occupancy = a.policy?.parameters?.roomOccupancy;
  const buffer = a.policy?.parameters?.fixedBuffer;
  return {
    enabled: a.enabled ?? false,
    min: a.min ?? 0,
    max: a.max ?? 0,
    cooldown: a.cooldown ?? 0,
    policy: {
      type: a.policy?.type ?? '',
      parameters: {
        roomOccupancy: occupancy ? { readyTarget: occupancy.readyTarget ?? 0, downThreshold: occupancy.downThreshold ?? 0 } : undefined,
        fixedBuffer: buffer ? { amount: buffer.amount ?? 0 } : undefined,
      },
    },
  };
}
