import type { AutoscalingPolicy, Autoscaling, Container, EnvVar, Forwarder, PortRange, Scheduler } from '../entities/scheduler';
import { DEFAULT_MAX_MATCHES, ZERO_TIME } from '../entities/scheduler';
import { applySchedulerDefaults } from '../entities/scheduler-defaults';

/**
 * Maestro's JSON of a scheduler as a create or new-version request carries it (management-api.md
 * 3.1), every field optional: what the management API's request DTOs hold once validated, and
 * what an operator's scheduler file holds. Durations stay text; their parsing is the caller's.
 */
export interface PortRangeJson {
  start?: number;
  end?: number;
}

export interface EnvVarJson {
  name?: string;
  value?: string;
  valueFrom?: { fieldRef?: { fieldPath?: string }; secretKeyRef?: { name?: string; key?: string } };
}

export interface ContainerJson {
  name?: string;
  image?: string;
  imagePullPolicy?: string;
  command?: string[];
  environment?: EnvVarJson[];
  requests?: { memory?: string; cpu?: string };
  limits?: { memory?: string; cpu?: string };
  ports?: { name?: string; protocol?: string; port?: number; hostPort?: number; hostPortRange?: PortRangeJson }[];
}

export interface ForwarderJson {
  name?: string;
  enable?: boolean;
  type?: string;
  address?: string;
  /** `timeout` in milliseconds, an int64: a JSON number or a decimal string. */
  options?: { timeout?: number | string; metadata?: Record<string, unknown> };
}

export interface AutoscalingJson {
  enabled?: boolean;
  min?: number;
  max?: number;
  cooldown?: number;
  policy?: PolicyJson;
}

/** An autoscaling policy as requests carry it; schedule and webhook hold further policies. */
export interface PolicyJson {
  type?: string;
  parameters?: {
    roomOccupancy?: { readyTarget?: number; downThreshold?: number; allocationBufferMinutes?: number };
    fixedBuffer?: { amount?: number; allocationBufferMinutes?: number };
    schedule?: { timezone?: string; entries?: { cron?: string; duration?: string; policy?: PolicyJson }[]; default?: PolicyJson };
    webhook?: { url?: string; timeoutMs?: number; fallback?: PolicyJson };
  };
}

export interface SchedulerRequestJson {
  name?: string;
  game?: string;
  spec?: { version?: string; terminationGracePeriod?: string; containers?: ContainerJson[]; toleration?: string; affinity?: string; restartPolicy?: string };
  portRange?: PortRangeJson | null;
  maxSurge?: string;
  /** Not in Maestro: failed rooms that abort a rolling update (docs/autoscaling.md). */
  rollbackThreshold?: string;
  roomsReplicas?: number;
  autoscaling?: AutoscalingJson | null;
  forwarders?: ForwarderJson[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  matchAllocation?: { maxMatches?: number } | null;
}

/** What the request does not say: the name (the path's wins), the creation time, the parsed grace period. */
export interface SchedulerRequestContext {
  name: string;
  createdAt: Date;
  terminationGracePeriodNs: number;
}

/**
 * The scheduler a create or new-version request describes, with Maestro's defaults
 * (`applySchedulerDefaults`): state `creating`, version v1.0.0, restart policy Never,
 * matchAllocation `{maxMatches: 1}` when absent (a present one without maxMatches is 0).
 */
export function schedulerFromRequestJson(json: SchedulerRequestJson, context: SchedulerRequestContext): Scheduler {
  const spec = json.spec ?? {};
  return applySchedulerDefaults({
    name: context.name,
    game: json.game ?? '',
    state: 'creating',
    rollbackVersion: '',
    spec: {
      version: '',
      terminationGracePeriodNs: context.terminationGracePeriodNs,
      containers: (spec.containers ?? []).map(containerFromJson),
      toleration: spec.toleration ?? '',
      affinity: spec.affinity ?? '',
      restartPolicy: spec.restartPolicy ?? '',
    },
    autoscaling: json.autoscaling ? autoscalingFromJson(json.autoscaling) : undefined,
    portRange: json.portRange ? portRangeFromJson(json.portRange) : undefined,
    roomsReplicas: json.roomsReplicas ?? 0,
    createdAt: context.createdAt,
    lastDownscaleAt: new Date(ZERO_TIME),
    maxSurge: json.maxSurge ?? '',
    // Empty is unset, as proto3 reads it.
    ...(json.rollbackThreshold ? { rollbackThreshold: json.rollbackThreshold } : {}),
    forwarders: (json.forwarders ?? []).map(forwarderFromJson),
    annotations: json.annotations,
    labels: json.labels,
    matchAllocation: { maxMatches: json.matchAllocation ? (json.matchAllocation.maxMatches ?? 0) : DEFAULT_MAX_MATCHES },
  });
}

export function portRangeFromJson(json: PortRangeJson): PortRange {
  return { start: json.start ?? 0, end: json.end ?? 0 };
}

/** A present `value` (even "") wins and drops `valueFrom`; else secretKeyRef wins over fieldRef. */
function envFromJson(json: EnvVarJson): EnvVar {
  if (json.value !== undefined) return { name: json.name ?? '', value: json.value };
  const { secretKeyRef, fieldRef } = json.valueFrom ?? {};
  if (secretKeyRef) return { name: json.name ?? '', valueFrom: { secretKeyRef: { name: secretKeyRef.name ?? '', key: secretKeyRef.key ?? '' } } };
  if (fieldRef) return { name: json.name ?? '', valueFrom: { fieldRef: { fieldPath: fieldRef.fieldPath ?? '' } } };
  return { name: json.name ?? '' };
}

export function containerFromJson(json: ContainerJson): Container {
  return {
    name: json.name ?? '',
    image: json.image ?? '',
    imagePullPolicy: json.imagePullPolicy ?? '',
    command: json.command ?? [],
    environment: (json.environment ?? []).map(envFromJson),
    requests: { memory: json.requests?.memory ?? '', cpu: json.requests?.cpu ?? '' },
    limits: { memory: json.limits?.memory ?? '', cpu: json.limits?.cpu ?? '' },
    ports: (json.ports ?? []).map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol ?? '',
      port: p.port ?? 0,
      hostPort: p.hostPort ?? 0,
      hostPortRange: p.hostPortRange ? portRangeFromJson(p.hostPortRange) : undefined,
    })),
  };
}

export function forwarderFromJson(json: ForwarderJson): Forwarder {
  return {
    name: json.name ?? '',
    enabled: json.enable ?? false,
    forwardType: json.type ?? '',
    address: json.address ?? '',
    options: json.options ? { timeoutMs: Number(json.options.timeout ?? 0), metadata: json.options.metadata ?? {} } : undefined,
  };
}

export function autoscalingFromJson(json: AutoscalingJson): Autoscaling {
  return {
    enabled: json.enabled ?? false,
    min: json.min ?? 0,
    max: json.max ?? 0,
    cooldown: json.cooldown ?? 0,
    policy: policyFromJson(json.policy),
  };
}

/** A policy from its request JSON; absent fields take their zero values, as Go's decoding does. */
export function policyFromJson(json: PolicyJson | undefined): AutoscalingPolicy {
  const parameters = json?.parameters;
  const occupancy = parameters?.roomOccupancy;
  const buffer = parameters?.fixedBuffer;
  const schedule = parameters?.schedule;
  const webhook = parameters?.webhook;
  return {
    type: json?.type ?? '',
    parameters: {
      roomOccupancy: occupancy
        ? { readyTarget: occupancy.readyTarget ?? 0, downThreshold: occupancy.downThreshold ?? 0, ...allocationBufferOf(occupancy) }
        : undefined,
      fixedBuffer: buffer ? { amount: buffer.amount ?? 0, ...allocationBufferOf(buffer) } : undefined,
      ...(schedule
        ? {
            schedule: {
              timezone: schedule.timezone ?? '',
              entries: (schedule.entries ?? []).map((entry) => ({
                cron: entry.cron ?? '',
                duration: entry.duration ?? '',
                policy: policyFromJson(entry.policy),
              })),
              default: policyFromJson(schedule.default),
            },
          }
        : {}),
      ...(webhook ? { webhook: { url: webhook.url ?? '', timeoutMs: webhook.timeoutMs ?? 0, fallback: policyFromJson(webhook.fallback) } } : {}),
    },
  };
}

const allocationBufferOf = (p: { allocationBufferMinutes?: number }) =>
  p.allocationBufferMinutes === undefined ? {} : { allocationBufferMinutes: p.allocationBufferMinutes };
