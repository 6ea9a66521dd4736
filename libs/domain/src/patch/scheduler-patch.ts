import type {
  Autoscaling,
  AutoscalingPolicy,
  Container,
  ContainerPort,
  ContainerResources,
  EnvVar,
  Forwarder,
  MatchAllocation,
  PortRange,
  Scheduler,
} from '../entities/scheduler';
import { normalizeAutoscaling, withDefaultForwarderOptions } from '../entities/scheduler-defaults';
import { AlreadyExistsError } from '../errors/domain-error';

/** One element of `spec.containers` in a PATCH: present fields update container i. */
export interface ContainerPatch {
  name?: string;
  image?: string;
  imagePullPolicy?: string;
  command?: string[];
  environment?: EnvVar[];
  requests?: ContainerResources;
  limits?: ContainerResources;
  ports?: ContainerPort[];
}

/**
 * The fields of a PATCH /schedulers/{name} body in domain names (management-api.md 4.6).
 * A field is present when it is not undefined; lists are present only when non-empty
 * (they cannot be cleared), maps are present even when empty (they can be emptied).
 */
export interface SchedulerPatch {
  terminationGracePeriodNs?: number;
  containers?: ContainerPatch[];
  toleration?: string;
  affinity?: string;
  portRange?: PortRange;
  maxSurge?: string;
  rollbackThreshold?: string;
  roomsReplicas?: number;
  autoscaling?: Partial<Omit<Autoscaling, 'policy'>> & { policy?: AutoscalingPolicy };
  forwarders?: Forwarder[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  matchAllocation?: MatchAllocation;
}

const EMPTY_CONTAINER: Container = {
  name: '',
  image: '',
  imagePullPolicy: '',
  command: [],
  environment: [],
  requests: { memory: '', cpu: '' },
  limits: { memory: '', cpu: '' },
  ports: [],
};

const ZERO_AUTOSCALING: Autoscaling = { enabled: false, min: 0, max: 0, cooldown: 0, policy: { type: '', parameters: {} } };

/** A list counts as present only when it has elements. */
const presentList = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);

/** Whether the patch has no present field (Maestro then answers `no change found`). */
export function isEmptyPatch(patch: SchedulerPatch): boolean {
  const { containers, forwarders, ...others } = patch;
  return !presentList(containers) && !presentList(forwarders) && Object.values(others).every((value) => value === undefined);
}

/**
 * Applies a PATCH as Maestro does (management-api.md 4.6 step 4): present top-level and spec
 * fields replace; containers merge by index field by field (extra elements start from an empty
 * container, containers past the patch are kept); lists cannot be cleared; maps can be emptied;
 * autoscaling starts from zero values when the scheduler had none, and `policy` replaces the whole
 * policy. Patched forwarders and autoscaling get the request defaults. No diff is made: a patch
 * equal to the current values still yields a scheduler (and a new version).
 * Throws AlreadyExistsError `no change found to scheduler <name>` when nothing is present.
 */
export function applySchedulerPatch(current: Scheduler, patch: SchedulerPatch): Scheduler {
  if (isEmptyPatch(patch)) throw new AlreadyExistsError(`no change found to scheduler ${current.name}`);
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const containers = presentList(patch.containers);
  const forwarders = presentList(patch.forwarders);
  return {
    ...current,
    spec: {
      ...current.spec,
      terminationGracePeriodNs: pick(patch.terminationGracePeriodNs, current.spec.terminationGracePeriodNs),
      containers: containers ? mergeContainers(current.spec.containers, containers) : current.spec.containers,
      toleration: pick(patch.toleration, current.spec.toleration),
      affinity: pick(patch.affinity, current.spec.affinity),
    },
    portRange: pick(patch.portRange, current.portRange),
    maxSurge: pick(patch.maxSurge, current.maxSurge),
    rollbackThreshold: pick(patch.rollbackThreshold, current.rollbackThreshold),
    roomsReplicas: pick(patch.roomsReplicas, current.roomsReplicas),
    autoscaling: patch.autoscaling ? normalizeAutoscaling(mergeAutoscaling(current.autoscaling, patch.autoscaling)) : current.autoscaling,
    forwarders: forwarders ? forwarders.map(withDefaultForwarderOptions) : current.forwarders,
    annotations: pick(patch.annotations, current.annotations),
    labels: pick(patch.labels, current.labels),
    matchAllocation: pick(patch.matchAllocation, current.matchAllocation),
  };
}

function mergeContainers(current: Container[], patches: ContainerPatch[]): Container[] {
  const length = Math.max(current.length, patches.length);
  return Array.from({ length }, (_, i) => {
    const base = current[i] ?? EMPTY_CONTAINER;
    const patch = patches[i];
    return patch ? mergeContainer(base, patch) : base;
  });
}

function mergeContainer(base: Container, patch: ContainerPatch): Container {
  return {
    name: patch.name ?? base.name,
    image: patch.image ?? base.image,
    imagePullPolicy: patch.imagePullPolicy ?? base.imagePullPolicy,
    command: presentList(patch.command) ?? base.command,
    environment: presentList(patch.environment) ?? base.environment,
    requests: patch.requests ?? base.requests,
    limits: patch.limits ?? base.limits,
    ports: presentList(patch.ports) ?? base.ports,
  };
}

function mergeAutoscaling(current: Autoscaling | undefined, patch: NonNullable<SchedulerPatch['autoscaling']>): Autoscaling {
  const base = current ?? ZERO_AUTOSCALING;
  return {
    enabled: patch.enabled ?? base.enabled,
    min: patch.min ?? base.min,
    max: patch.max ?? base.max,
    cooldown: patch.cooldown ?? base.cooldown,
    policy: patch.policy ?? base.policy,
  };
}
