/** Scheduler: the versioned recipe of one fleet of game rooms (one Kubernetes namespace). */

export const SCHEDULER_STATES = ['creating', 'in-sync', 'terminating', 'on-error'] as const;
export type SchedulerState = (typeof SCHEDULER_STATES)[number];

export const IMAGE_PULL_POLICIES = ['Always', 'Never', 'IfNotPresent'] as const;
export const PORT_PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;
export const FORWARDER_TYPES = ['gRPC'] as const;
export const AUTOSCALING_POLICY_TYPES = ['roomOccupancy', 'fixedBuffer', 'schedule', 'webhook'] as const;
/** The policies a schedule window, a schedule's default and a webhook's fallback may hold. */
export const BASIC_POLICY_TYPES = ['roomOccupancy', 'fixedBuffer'] as const;
export type AutoscalingPolicyType = (typeof AUTOSCALING_POLICY_TYPES)[number];

export const FIRST_VERSION = 'v1.0.0';
export const DEFAULT_MAX_MATCHES = 1;
export const DEFAULT_DOWN_THRESHOLD = 0.99;
export const DEFAULT_FORWARDER_TIMEOUT_MS = 1000;
export const DEFAULT_RESTART_POLICY = 'Never';
/** The Go zero time, which Maestro prints as 0001-01-01T00:00:00Z. */
export const ZERO_TIME: Readonly<Date> = new Date('0001-01-01T00:00:00Z');

export interface PortRange {
  start: number;
  end: number;
}

export interface ContainerPort {
  name: string;
  protocol: string;
  port: number;
  /** Accepted and stored, but overwritten per room by the port allocator. */
  hostPort: number;
  hostPortRange?: PortRange;
}

export interface EnvVarSource {
  fieldRef?: { fieldPath: string };
  secretKeyRef?: { name: string; key: string };
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: EnvVarSource;
}

export interface ContainerResources {
  memory: string;
  cpu: string;
}

export interface Container {
  name: string;
  image: string;
  imagePullPolicy: string;
  command: string[];
  environment: EnvVar[];
  requests: ContainerResources;
  limits: ContainerResources;
  ports: ContainerPort[];
}

export interface SchedulerSpec {
  version: string;
  /** Go duration in nanoseconds. */
  terminationGracePeriodNs: number;
  containers: Container[];
  toleration: string;
  affinity: string;
  /** Not persisted by Maestro (docs/compatibility.md): '' when read from storage. */
  restartPolicy: string;
}

export interface ForwarderOptions {
  /** Per-call deadline in milliseconds. */
  timeoutMs: number;
  metadata: Record<string, unknown>;
}

export interface Forwarder {
  name: string;
  enabled: boolean;
  forwardType: string;
  address: string;
  options?: ForwarderOptions;
}

/** Not in Maestro (autoscaling.md): extra rooms for the recent allocation rate; absent = Maestro's policy. */
export interface AllocationBuffer {
  /** Extra rooms = the highest allocations per minute of the last minutes times this many minutes. */
  allocationBufferMinutes?: number;
}

export interface RoomOccupancyParameters extends AllocationBuffer {
  readyTarget: number;
  downThreshold: number;
}

export interface FixedBufferParameters extends AllocationBuffer {
  amount: number;
}

/** One window of a schedule policy: opens when `cron` fires and lasts `duration`. */
export interface ScheduleEntry {
  cron: string;
  /** `4h`, `90m`, `1h30m`, `45s`. */
  duration: string;
  policy: AutoscalingPolicy;
}

/** Not in Maestro: policies by time window (autoscaling.md). */
export interface ScheduleParameters {
  /** IANA name the crons are read in (`UTC`, `Europe/Paris`). */
  timezone: string;
  entries: ScheduleEntry[];
  default: AutoscalingPolicy;
}

/** Not in Maestro: the number of rooms answered by a team's HTTP endpoint (autoscaling.md). */
export interface WebhookParameters {
  url: string;
  timeoutMs: number;
  /** Applied when the hook times out, answers non-2xx or an unreadable body. */
  fallback: AutoscalingPolicy;
}

export interface AutoscalingPolicy {
  type: string;
  parameters: {
    roomOccupancy?: RoomOccupancyParameters;
    fixedBuffer?: FixedBufferParameters;
    schedule?: ScheduleParameters;
    webhook?: WebhookParameters;
  };
}

export interface Autoscaling {
  enabled: boolean;
  min: number;
  /** -1 means no upper limit. */
  max: number;
  /** Seconds that must pass after a downscale before the next one. */
  cooldown: number;
  policy: AutoscalingPolicy;
}

export interface MatchAllocation {
  maxMatches: number;
}

/**
 * The watch of a rolling update to a major version (not in Maestro): which version replaces which,
 * since when, how many rooms the fleet had then, and the rooms of the new version seen failing.
 * Kept in the active configuration only, never in a version row.
 */
export interface RolloutWatch {
  version: string;
  previousVersion: string;
  startedAt: Date;
  /** Rooms of the scheduler when the new version became active (the base of a `%` threshold). */
  fleetSize: number;
  failedRooms: FailedRoom[];
}

/** A room of a rolling update's new version that failed, with its last status description. */
export interface FailedRoom {
  id: string;
  description: string;
}

export interface Scheduler {
  name: string;
  game: string;
  state: SchedulerState;
  rollbackVersion: string;
  spec: SchedulerSpec;
  autoscaling?: Autoscaling;
  portRange?: PortRange;
  roomsReplicas: number;
  createdAt: Date;
  lastDownscaleAt: Date;
  maxSurge: string;
  /**
   * Not in Maestro: failed rooms of a new major version that abort its rolling update, `N` or
   * `N%` of the fleet, `0` for never; undefined for the default (rollout-watch.ts).
   */
  rollbackThreshold?: string;
  /** Not in Maestro: the rolling update being watched, if any (set by switch_active_version). */
  rollout?: RolloutWatch;
  forwarders: Forwarder[];
  /** undefined (absent) and {} (present, empty) differ for the major/minor comparison. */
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  matchAllocation: MatchAllocation;
}

/** A row of the versions listing. */
export interface SchedulerVersion {
  version: string;
  isActive: boolean;
  createdAt: Date;
}

/** Per-scheduler room counters of GET /schedulers/info. */
export interface SchedulerInfo {
  name: string;
  game: string;
  state: SchedulerState;
  roomsReplicas: number;
  roomsReady: number;
  roomsOccupied: number;
  roomsPending: number;
  roomsTerminating: number;
  autoscaling?: Autoscaling;
}

export interface SchedulerFilter {
  name?: string;
  game?: string;
  version?: string;
}

/** Whether the scheduler's autoscaling is configured and switched on. */
export function isAutoscalingEnabled(s: Pick<Scheduler, 'autoscaling'>): s is { autoscaling: Autoscaling } {
  return s.autoscaling !== undefined && s.autoscaling.enabled;
}
