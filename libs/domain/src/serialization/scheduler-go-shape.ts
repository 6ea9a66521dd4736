import type { Autoscaling, AutoscalingPolicy, Container, EnvVar, Forwarder, PortRange, RolloutWatch, Scheduler, SchedulerState } from '../entities/scheduler';
import { DEFAULT_MAX_MATCHES, ZERO_TIME } from '../entities/scheduler';

/**
 * Maestro's Go struct shape of a scheduler (capitalised field names): the JSON of the Redis
 * scheduler cache and of operation inputs, and the content of the Postgres YAML column
 * (storage.md section 2, management-api.md section 3.5).
 */
export type GoObject = Record<string, unknown>;

/** RFC 3339 as Go's RFC3339Nano prints it: trailing zeros of the fraction dropped, none when zero. */
export const formatGoTime = (date: Date): string => date.toISOString().replace(/\.(\d*?)0*Z$/, (_match, digits: string) => (digits ? `.${digits}Z` : 'Z'));

/** Parses a Go time; a missing or unreadable one is Go's zero time. */
const fromGoTime = (value: unknown): Date => {
  const date = typeof value === 'string' && value ? new Date(value) : new Date(Number.NaN);
  return Number.isNaN(date.getTime()) ? new Date(ZERO_TIME) : date;
};
const goRange = (r: PortRange | undefined) => (r ? { Start: r.start, End: r.end } : null);
const nullIfEmpty = <T>(list: T[]) => (list.length > 0 ? list : null);

function goEnv(env: EnvVar): GoObject {
  const from = env.valueFrom;
  return {
    Name: env.name,
    Value: env.value ?? '',
    ValueFrom: from
      ? {
          FieldRef: from.fieldRef ? { fieldPath: from.fieldRef.fieldPath } : null,
          SecretKeyRef: from.secretKeyRef ? { name: from.secretKeyRef.name, key: from.secretKeyRef.key } : null,
        }
      : null,
  };
}

function goContainer(c: Container): GoObject {
  return {
    Name: c.name,
    Image: c.image,
    ImagePullPolicy: c.imagePullPolicy,
    Command: nullIfEmpty(c.command),
    Environment: nullIfEmpty(c.environment.map(goEnv)),
    Requests: { Memory: c.requests.memory, CPU: c.requests.cpu },
    Limits: { Memory: c.limits.memory, CPU: c.limits.cpu },
    Ports: nullIfEmpty(
      c.ports.map((p) => ({ Name: p.name, Protocol: p.protocol, Port: p.port, HostPortRange: goRange(p.hostPortRange), HostPort: p.hostPort })),
    ),
  };
}

function goAutoscaling(a: Autoscaling | undefined): GoObject | null {
  if (!a) return null;
  return { Enabled: a.enabled, Min: a.min, Max: a.max, Cooldown: a.cooldown, Policy: goPolicy(a.policy) };
}

/** Maestro's two parameter blocks always (null when absent); this project's only when set. */
function goPolicy(policy: AutoscalingPolicy): GoObject {
  const { roomOccupancy, fixedBuffer, schedule, webhook } = policy.parameters;
  const buffer = (p: { allocationBufferMinutes?: number }) =>
    p.allocationBufferMinutes === undefined ? {} : { AllocationBufferMinutes: p.allocationBufferMinutes };
  return {
    Type: policy.type,
    Parameters: {
      RoomOccupancy: roomOccupancy ? { ReadyTarget: roomOccupancy.readyTarget, DownThreshold: roomOccupancy.downThreshold, ...buffer(roomOccupancy) } : null,
      FixedBuffer: fixedBuffer ? { Amount: fixedBuffer.amount, ...buffer(fixedBuffer) } : null,
      ...(schedule
        ? {
            Schedule: {
              Timezone: schedule.timezone,
              Entries: schedule.entries.map((e) => ({ Cron: e.cron, Duration: e.duration, Policy: goPolicy(e.policy) })),
              Default: goPolicy(schedule.default),
            },
          }
        : {}),
      ...(webhook ? { Webhook: { Url: webhook.url, TimeoutMs: webhook.timeoutMs, Fallback: goPolicy(webhook.fallback) } } : {}),
    },
  };
}

function goForwarder(f: Forwarder): GoObject {
  return {
    Name: f.name,
    Enabled: f.enabled,
    ForwardType: f.forwardType,
    Address: f.address,
    Options: f.options ? { Timeout: f.options.timeoutMs, Metadata: f.options.metadata } : null,
  };
}

function goRollout(r: RolloutWatch): GoObject {
  return {
    Version: r.version,
    PreviousVersion: r.previousVersion,
    StartedAt: formatGoTime(r.startedAt),
    FleetSize: r.fleetSize,
    FailedRooms: r.failedRooms.map((room) => ({ ID: room.id, Description: room.description })),
  };
}

/**
 * The fields stored in the YAML column (everything but the ones that live in table columns).
 * `RollbackThreshold` and `Rollout` (not in Maestro) are written only when set, so Maestro's
 * configurations read and write back unchanged.
 */
export function toGoSchedulerConfig(s: Scheduler): GoObject {
  return {
    TerminationGracePeriod: s.spec.terminationGracePeriodNs,
    Containers: s.spec.containers.map(goContainer),
    Toleration: s.spec.toleration,
    Affinity: s.spec.affinity,
    RestartPolicy: s.spec.restartPolicy,
    PortRange: goRange(s.portRange),
    MaxSurge: s.maxSurge,
    RoomsReplicas: s.roomsReplicas,
    Forwarders: s.forwarders.map(goForwarder),
    Autoscaling: goAutoscaling(s.autoscaling),
    Annotations: s.annotations ?? null,
    Labels: s.labels ?? null,
    LastDownscaleAt: formatGoTime(s.lastDownscaleAt),
    MatchAllocation: { MaxMatches: s.matchAllocation.maxMatches },
    ...(s.rollbackThreshold !== undefined ? { RollbackThreshold: s.rollbackThreshold } : {}),
    ...(s.rollout ? { Rollout: goRollout(s.rollout) } : {}),
  };
}

/** The whole scheduler entity as Go encodes it (cache, operation input). */
export function toGoScheduler(s: Scheduler): GoObject {
  const config = toGoSchedulerConfig(s);
  return {
    Name: s.name,
    Game: s.game,
    State: s.state,
    RollbackVersion: s.rollbackVersion,
    Spec: {
      Version: s.spec.version,
      TerminationGracePeriod: config.TerminationGracePeriod,
      Containers: config.Containers,
      Toleration: config.Toleration,
      Affinity: config.Affinity,
      RestartPolicy: config.RestartPolicy,
    },
    Autoscaling: config.Autoscaling,
    PortRange: config.PortRange,
    RoomsReplicas: s.roomsReplicas,
    CreatedAt: formatGoTime(s.createdAt),
    LastDownscaleAt: config.LastDownscaleAt,
    MaxSurge: s.maxSurge,
    Forwarders: config.Forwarders,
    Annotations: config.Annotations,
    Labels: config.Labels,
    MatchAllocation: config.MatchAllocation,
    // The watch of a rolling update stays in the active row: caches and operation inputs leave it out.
    ...(s.rollbackThreshold !== undefined ? { RollbackThreshold: s.rollbackThreshold } : {}),
  };
}

/** Identity columns that complete a YAML configuration into a scheduler. */
export interface SchedulerColumns {
  name: string;
  game: string;
  state: string;
  version: string;
  rollbackVersion: string;
  createdAt: Date;
}

/** Reads a configuration (YAML column content, Go matches keys case-insensitively) plus its columns. */
export function fromGoSchedulerConfig(config: GoObject, columns: SchedulerColumns): Scheduler {
  const c = caseless(config);
  return {
    name: columns.name,
    game: columns.game,
    state: columns.state as SchedulerState,
    rollbackVersion: columns.rollbackVersion,
    spec: {
      version: columns.version,
      terminationGracePeriodNs: num(c.terminationgraceperiod),
      containers: list(c.containers).map(fromGoContainer),
      toleration: str(c.toleration),
      affinity: str(c.affinity),
      restartPolicy: str(c.restartpolicy),
    },
    autoscaling: fromGoAutoscaling(c.autoscaling),
    portRange: fromGoRange(c.portrange),
    roomsReplicas: num(c.roomsreplicas),
    createdAt: columns.createdAt,
    lastDownscaleAt: fromGoTime(c.lastdownscaleat),
    maxSurge: str(c.maxsurge),
    forwarders: list(c.forwarders).map(fromGoForwarder),
    annotations: stringMap(c.annotations),
    labels: stringMap(c.labels),
    // Rows written before MatchAllocation existed have no key (or null): Maestro reads one match.
    matchAllocation: { maxMatches: c.matchallocation ? num(caseless(c.matchallocation).maxmatches) : DEFAULT_MAX_MATCHES },
    ...(c.rollbackthreshold !== undefined && c.rollbackthreshold !== null ? { rollbackThreshold: str(c.rollbackthreshold) } : {}),
    ...(c.rollout ? { rollout: fromGoRollout(c.rollout) } : {}),
  };
}

function fromGoRollout(value: unknown): RolloutWatch {
  const r = caseless(value);
  return {
    version: str(r.version),
    previousVersion: str(r.previousversion),
    startedAt: fromGoTime(r.startedat),
    fleetSize: num(r.fleetsize),
    failedRooms: list(r.failedrooms).map((room) => {
      const f = caseless(room);
      return { id: str(f.id), description: str(f.description) };
    }),
  };
}

/** Reads the Go JSON of a whole scheduler entity. */
export function fromGoScheduler(value: GoObject): Scheduler {
  const c = caseless(value);
  const spec = caseless(c.spec);
  return fromGoSchedulerConfig(
    { ...value, ...(c.spec as GoObject) },
    {
      name: str(c.name),
      game: str(c.game),
      state: str(c.state),
      version: str(spec.version),
      rollbackVersion: str(c.rollbackversion),
      createdAt: fromGoTime(c.createdat),
    },
  );
}

function fromGoContainer(value: unknown): Container {
  const c = caseless(value);
  return {
    name: str(c.name),
    image: str(c.image),
    imagePullPolicy: str(c.imagepullpolicy),
    command: list(c.command).map(String),
    environment: list(c.environment).map(fromGoEnv),
    requests: fromGoResources(c.requests),
    limits: fromGoResources(c.limits),
    ports: list(c.ports).map((p) => {
      const port = caseless(p);
      return {
        name: str(port.name),
        protocol: str(port.protocol),
        port: num(port.port),
        hostPort: num(port.hostport),
        hostPortRange: fromGoRange(port.hostportrange),
      };
    }),
  };
}

function fromGoEnv(value: unknown): EnvVar {
  const e = caseless(value);
  if (!e.valuefrom) return { name: str(e.name), value: str(e.value) };
  const from = caseless(e.valuefrom);
  const fieldRef = from.fieldref ? caseless(from.fieldref) : undefined;
  const secret = from.secretkeyref ? caseless(from.secretkeyref) : undefined;
  return {
    name: str(e.name),
    valueFrom: {
      ...(fieldRef ? { fieldRef: { fieldPath: str(fieldRef.fieldpath) } } : {}),
      ...(secret ? { secretKeyRef: { name: str(secret.name), key: str(secret.key) } } : {}),
    },
  };
}

function fromGoResources(value: unknown) {
  const r = caseless(value);
  return { memory: str(r.memory), cpu: str(r.cpu) };
}

function fromGoRange(value: unknown): PortRange | undefined {
  if (!value) return undefined;
  const r = caseless(value);
  return { start: num(r.start), end: num(r.end) };
}

function fromGoForwarder(value: unknown): Forwarder {
  const f = caseless(value);
  const options = f.options ? caseless(f.options) : undefined;
  return {
    name: str(f.name),
    enabled: Boolean(f.enabled),
    forwardType: str(f.forwardtype),
    address: str(f.address),
    options: options ? { timeoutMs: num(options.timeout), metadata: (options.metadata as Record<string, unknown>) ?? {} } : undefined,
  };
}

function fromGoAutoscaling(value: unknown): Autoscaling | undefined {
  if (!value) return undefined;
  const a = caseless(value);
  return { enabled: Boolean(a.enabled), min: num(a.min), max: num(a.max), cooldown: num(a.cooldown), policy: fromGoPolicy(a.policy) };
}

function fromGoPolicy(value: unknown): AutoscalingPolicy {
  const policy = caseless(value);
  const parameters = caseless(policy.parameters);
  const occupancy = parameters.roomoccupancy ? caseless(parameters.roomoccupancy) : undefined;
  const buffer = parameters.fixedbuffer ? caseless(parameters.fixedbuffer) : undefined;
  const schedule = parameters.schedule ? caseless(parameters.schedule) : undefined;
  const webhook = parameters.webhook ? caseless(parameters.webhook) : undefined;
  const allocationBuffer = (p: Record<string, unknown>) =>
    p.allocationbufferminutes === undefined ? {} : { allocationBufferMinutes: num(p.allocationbufferminutes) };
  return {
    type: str(policy.type),
    parameters: {
      ...(occupancy
        ? { roomOccupancy: { readyTarget: num(occupancy.readytarget), downThreshold: num(occupancy.downthreshold), ...allocationBuffer(occupancy) } }
        : {}),
      ...(buffer ? { fixedBuffer: { amount: num(buffer.amount), ...allocationBuffer(buffer) } } : {}),
      ...(schedule
        ? {
            schedule: {
              timezone: str(schedule.timezone),
              entries: list(schedule.entries).map((entry) => {
                const e = caseless(entry);
                return { cron: str(e.cron), duration: str(e.duration), policy: fromGoPolicy(e.policy) };
              }),
              default: fromGoPolicy(schedule.default),
            },
          }
        : {}),
      ...(webhook ? { webhook: { url: str(webhook.url), timeoutMs: num(webhook.timeoutms), fallback: fromGoPolicy(webhook.fallback) } } : {}),
    },
  };
}

function caseless(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v]));
}

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0) || 0);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}
