import {
  type Autoscaling,
  type Container,
  type EnvVar,
  type Forwarder,
  InvalidArgumentError,
  type PortRange,
  type Scheduler,
  type SchedulerPatch,
  ZERO_TIME,
  DEFAULT_MAX_MATCHES,
  applySchedulerDefaults,
} from '@maestro/domain';
import type { PatchSchedulerRequest } from './dto/patch-scheduler.request';
import type { AutoscalingDto, ContainerDto, ContainerEnvironmentDto, ForwarderDto, PortRangeDto } from './dto/scheduler-parts.request';
import type { NewSchedulerVersionRequest } from './dto/scheduler.request';
import { parseDurationNs } from '../wire/wire-format';

/** Request DTOs -> domain objects (Maestro's request adapters); defaults come from the domain. */

export function toNewScheduler(body: NewSchedulerVersionRequest, name: string): Scheduler {
  const spec = body.spec ?? {};
  return applySchedulerDefaults({
    name,
    game: body.game ?? '',
    state: 'creating',
    rollbackVersion: '',
    spec: {
      version: '',
      terminationGracePeriodNs: toDurationNs(spec.terminationGracePeriod, 'spec.terminationGracePeriod'),
      containers: (spec.containers ?? []).map(toContainer),
      toleration: spec.toleration ?? '',
      affinity: spec.affinity ?? '',
      restartPolicy: spec.restartPolicy ?? '',
    },
    autoscaling: body.autoscaling ? toAutoscaling(body.autoscaling) : undefined,
    portRange: body.portRange ? toPortRange(body.portRange) : undefined,
    roomsReplicas: body.roomsReplicas ?? 0,
    createdAt: new Date(),
    lastDownscaleAt: new Date(ZERO_TIME),
    maxSurge: body.maxSurge ?? '',
    forwarders: (body.forwarders ?? []).map(toForwarder),
    annotations: body.annotations,
    labels: body.labels,
    matchAllocation: { maxMatches: body.matchAllocation ? (body.matchAllocation.maxMatches ?? 0) : DEFAULT_MAX_MATCHES },
  });
}

/** PATCH body -> the fields present; empty lists count as absent (proto semantics). */
export function toSchedulerPatch(body: PatchSchedulerRequest): SchedulerPatch {
  const nonEmpty = <T>(list: T[] | undefined) => (list && list.length > 0 ? list : undefined);
  const spec = body.spec;
  return {
    terminationGracePeriodNs: spec?.terminationGracePeriod !== undefined ? toDurationNs(spec.terminationGracePeriod, 'spec.terminationGracePeriod') : undefined,
    containers: nonEmpty(spec?.containers)?.map(toContainerPatch),
    toleration: spec?.toleration,
    affinity: spec?.affinity,
    portRange: body.portRange ? toPortRange(body.portRange) : undefined,
    maxSurge: body.maxSurge,
    roomsReplicas: body.roomsReplicas,
    autoscaling: body.autoscaling
      ? {
          enabled: body.autoscaling.enabled,
          min: body.autoscaling.min,
          max: body.autoscaling.max,
          cooldown: body.autoscaling.cooldown,
          policy: body.autoscaling.policy ? toAutoscaling(body.autoscaling).policy : undefined,
        }
      : undefined,
    forwarders: nonEmpty(body.forwarders)?.map(toForwarder),
    annotations: body.annotations,
    labels: body.labels,
    matchAllocation: body.matchAllocation ? { maxMatches: body.matchAllocation.maxMatches ?? 0 } : undefined,
  };
}

function toDurationNs(value: string | undefined, field: string): number {
  if (value === undefined || value === '') return 0;
  const ns = parseDurationNs(value);
  if (ns === undefined) {
    const message = `${field}: invalid google.protobuf.Duration value "${value}" (use seconds with an "s" suffix, e.g. "100s")`;
    throw new InvalidArgumentError(message, [{ path: field, message }]);
  }
  return ns;
}

function toPortRange(dto: PortRangeDto): PortRange {
  return { start: dto.start ?? 0, end: dto.end ?? 0 };
}

function toEnv(dto: ContainerEnvironmentDto): EnvVar {
  if (dto.value !== undefined) return { name: dto.name ?? '', value: dto.value };
  const { secretKeyRef, fieldRef } = dto.valueFrom ?? {};
  if (secretKeyRef) return { name: dto.name ?? '', valueFrom: { secretKeyRef: { name: secretKeyRef.name ?? '', key: secretKeyRef.key ?? '' } } };
  if (fieldRef) return { name: dto.name ?? '', valueFrom: { fieldRef: { fieldPath: fieldRef.fieldPath ?? '' } } };
  return { name: dto.name ?? '' };
}

function toContainer(dto: ContainerDto): Container {
  return {
    name: dto.name ?? '',
    image: dto.image ?? '',
    imagePullPolicy: dto.imagePullPolicy ?? '',
    command: dto.command ?? [],
    environment: (dto.environment ?? []).map(toEnv),
    requests: { memory: dto.requests?.memory ?? '', cpu: dto.requests?.cpu ?? '' },
    limits: { memory: dto.limits?.memory ?? '', cpu: dto.limits?.cpu ?? '' },
    ports: (dto.ports ?? []).map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol ?? '',
      port: p.port ?? 0,
      hostPort: p.hostPort ?? 0,
      hostPortRange: p.hostPortRange ? toPortRange(p.hostPortRange) : undefined,
    })),
  };
}

function toContainerPatch(dto: ContainerDto): Partial<Container> {
  const nonEmpty = <T>(list: T[] | undefined) => (list && list.length > 0 ? list : undefined);
  const full = toContainer(dto);
  return {
    name: dto.name,
    image: dto.image,
    imagePullPolicy: dto.imagePullPolicy,
    command: nonEmpty(dto.command),
    environment: nonEmpty(dto.environment) ? full.environment : undefined,
    requests: dto.requests ? full.requests : undefined,
    limits: dto.limits ? full.limits : undefined,
    ports: nonEmpty(dto.ports) ? full.ports : undefined,
  };
}

function toForwarder(dto: ForwarderDto): Forwarder {
  return {
    name: dto.name ?? '',
    enabled: dto.enable ?? false,
    forwardType: dto.type ?? '',
    address: dto.address ?? '',
    options: dto.options ? { timeoutMs: Number(dto.options.timeout ?? 0), metadata: dto.options.metadata ?? {} } : undefined,
  };
}

function toAutoscaling(dto: AutoscalingDto): Autoscaling {
  const parameters = dto.policy?.parameters;
  return {
    enabled: dto.enabled ?? false,
    min: dto.min ?? 0,
    max: dto.max ?? 0,
    cooldown: dto.cooldown ?? 0,
    policy: {
      type: dto.policy?.type ?? '',
      parameters: {
        roomOccupancy: parameters?.roomOccupancy
          ? {
              readyTarget: parameters.roomOccupancy.readyTarget ?? 0,
              downThreshold: parameters.roomOccupancy.downThreshold ?? 0,
            }
          : undefined,
        fixedBuffer: parameters?.fixedBuffer ? { amount: parameters.fixedBuffer.amount ?? 0 } : undefined,
      },
    },
  };
}
