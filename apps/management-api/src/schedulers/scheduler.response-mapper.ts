import type { Autoscaling, AutoscalingPolicy, Container, Forwarder, Scheduler, SchedulerInfo, SchedulerVersion } from '@maestro/domain';
import { float32ToJson } from '../wire/float32';
import { formatDurationNs, formatTimestamp } from '../wire/wire-format';

/**
 * Domain -> wire JSON of Maestro's scheduler messages: proto field order, zero values emitted,
 * optional messages omitted when unset, int64 as strings (management-api.md 1.2 and 3).
 */

export function toSchedulerJson(s: Scheduler) {
  return {
    name: s.name,
    game: s.game,
    state: s.state,
    portRange: s.portRange ? { start: s.portRange.start, end: s.portRange.end } : null,
    createdAt: formatTimestamp(s.createdAt),
    maxSurge: s.maxSurge,
    ...(s.rollbackThreshold !== undefined ? { rollbackThreshold: s.rollbackThreshold } : {}),
    roomsReplicas: s.roomsReplicas,
    spec: {
      version: s.spec.version,
      terminationGracePeriod: formatDurationNs(s.spec.terminationGracePeriodNs),
      containers: s.spec.containers.map(toContainerJson),
      toleration: s.spec.toleration,
      affinity: s.spec.affinity,
      restartPolicy: s.spec.restartPolicy || 'Never',
    },
    ...(s.autoscaling ? { autoscaling: toAutoscalingJson(s.autoscaling) } : {}),
    forwarders: s.forwarders.map(toForwarderJson),
    annotations: s.annotations ?? {},
    labels: s.labels ?? {},
    matchAllocation: { maxMatches: s.matchAllocation.maxMatches },
  };
}

function toContainerJson(c: Container) {
  return {
    name: c.name,
    image: c.image,
    imagePullPolicy: c.imagePullPolicy,
    command: c.command,
    environment: c.environment.map((env) => ({
      name: env.name,
      ...(env.value ? { value: env.value } : {}),
      ...(env.value === undefined && env.valueFrom ? { valueFrom: env.valueFrom } : {}),
    })),
    requests: { memory: c.requests.memory, cpu: c.requests.cpu },
    limits: { memory: c.limits.memory, cpu: c.limits.cpu },
    ports: c.ports.map((p) => ({
      name: p.name,
      protocol: p.protocol,
      port: p.port,
      hostPort: p.hostPort,
      ...(p.hostPortRange ? { hostPortRange: { start: p.hostPortRange.start, end: p.hostPortRange.end } } : {}),
    })),
  };
}

function toAutoscalingJson(a: Autoscaling) {
  return { enabled: a.enabled, min: a.min, max: a.max, policy: toPolicyJson(a.policy), cooldown: a.cooldown };
}

function toPolicyJson(policy: AutoscalingPolicy): Record<string, unknown> {
  const { roomOccupancy, fixedBuffer, schedule, webhook } = policy.parameters;
  const buffer = (p: { allocationBufferMinutes?: number }) =>
    p.allocationBufferMinutes === undefined ? {} : { allocationBufferMinutes: p.allocationBufferMinutes };
  return {
    type: policy.type,
    parameters: {
      ...(roomOccupancy
        ? {
            roomOccupancy: {
              readyTarget: float32ToJson(roomOccupancy.readyTarget),
              downThreshold: float32ToJson(roomOccupancy.downThreshold),
              ...buffer(roomOccupancy),
            },
          }
        : {}),
      ...(fixedBuffer ? { fixedBuffer: { amount: fixedBuffer.amount, ...buffer(fixedBuffer) } } : {}),
      ...(schedule
        ? {
            schedule: {
              timezone: schedule.timezone,
              entries: schedule.entries.map((e) => ({ cron: e.cron, duration: e.duration, policy: toPolicyJson(e.policy) })),
              default: toPolicyJson(schedule.default),
            },
          }
        : {}),
      ...(webhook ? { webhook: { url: webhook.url, timeoutMs: webhook.timeoutMs, fallback: toPolicyJson(webhook.fallback) } } : {}),
    },
  };
}

function toForwarderJson(f: Forwarder) {
  return {
    name: f.name,
    enable: f.enabled,
    type: f.forwardType,
    address: f.address,
    ...(f.options ? { options: { timeout: String(f.options.timeoutMs), metadata: f.options.metadata ?? {} } } : {}),
  };
}

/** SchedulerWithoutSpec of the list route. */
export function toSchedulerSummaryJson(s: Scheduler) {
  return {
    name: s.name,
    game: s.game,
    state: s.state,
    version: s.spec.version,
    portRange: s.portRange ? { start: s.portRange.start, end: s.portRange.end } : null,
    createdAt: formatTimestamp(s.createdAt),
    maxSurge: s.maxSurge,
    roomsReplicas: s.roomsReplicas,
    matchAllocation: { maxMatches: s.matchAllocation.maxMatches },
  };
}

/** SchedulerInfo; `autoscaling.cooldown` is always 0 and `null` without autoscaling (Maestro's output). */
export function toSchedulerInfoJson(info: SchedulerInfo) {
  return {
    name: info.name,
    game: info.game,
    state: info.state,
    roomsReplicas: info.roomsReplicas,
    roomsReady: info.roomsReady,
    roomsOccupied: info.roomsOccupied,
    roomsPending: info.roomsPending,
    roomsTerminating: info.roomsTerminating,
    autoscaling: info.autoscaling ? { enabled: info.autoscaling.enabled, min: info.autoscaling.min, max: info.autoscaling.max, cooldown: 0 } : null,
  };
}

export function toSchedulerVersionJson(v: SchedulerVersion) {
  return { version: v.version, isActive: v.isActive, createdAt: formatTimestamp(v.createdAt) };
}
