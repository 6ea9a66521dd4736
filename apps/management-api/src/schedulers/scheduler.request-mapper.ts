import {
  type Container,
  InvalidArgumentError,
  type Scheduler,
  type SchedulerPatch,
  autoscalingFromJson,
  containerFromJson,
  forwarderFromJson,
  portRangeFromJson,
  schedulerFromRequestJson,
} from '@maestro/domain';
import type { PatchSchedulerRequest } from './dto/patch-scheduler.request';
import type { ContainerDto } from './dto/scheduler-parts.request';
import type { NewSchedulerVersionRequest } from './dto/scheduler.request';
import { parseDurationNs } from '../wire/wire-format';

/** Request DTOs -> domain objects (Maestro's request adapters); the mapping and defaults are the domain's. */

export function toNewScheduler(body: NewSchedulerVersionRequest, name: string): Scheduler {
  const terminationGracePeriodNs = toDurationNs(body.spec?.terminationGracePeriod, 'spec.terminationGracePeriod');
  return schedulerFromRequestJson(body, { name, createdAt: new Date(), terminationGracePeriodNs });
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
    portRange: body.portRange ? portRangeFromJson(body.portRange) : undefined,
    maxSurge: body.maxSurge,
    // Empty is unset, as proto3 reads it.
    rollbackThreshold: body.rollbackThreshold || undefined,
    roomsReplicas: body.roomsReplicas,
    autoscaling: body.autoscaling
      ? {
          enabled: body.autoscaling.enabled,
          min: body.autoscaling.min,
          max: body.autoscaling.max,
          cooldown: body.autoscaling.cooldown,
          policy: body.autoscaling.policy ? autoscalingFromJson(body.autoscaling).policy : undefined,
        }
      : undefined,
    forwarders: nonEmpty(body.forwarders)?.map(forwarderFromJson),
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

function toContainerPatch(dto: ContainerDto): Partial<Container> {
  const nonEmpty = <T>(list: T[] | undefined) => (list && list.length > 0 ? list : undefined);
  const full = containerFromJson(dto);
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
