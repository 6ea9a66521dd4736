import type {
  Autoscaling,
  AutoscalingPolicy,
  Container,
  Forwarder,
  MatchAllocation,
  PortRange,
  Scheduler,
} from '../entities/scheduler';
import { applySchedulerDefaults } from '../entities/scheduler-defaults';

/** The fields of a PATCH: present = not undefined. Lists given here are non-empty. */
export interface SchedulerPatch {
  terminationGracePeriodNs?: number;
  containers?: Partial<Container>[];
  toleration?: string;
  affinity?: string;
  portRange?: PortRange;
  maxSurge?: string;
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

const ZERO_AUTOSCALING: Autoscaling = {
  enabled: false,
  min: 0,
  max: 0,
  cooldown: 0,
  policy: { type: '', parameters: {} },
};

/** Whether the patch changes anything at all. */
export function isEmptyPatch(patch: SchedulerPatch): boolean {
  return Object.values(patch).every((value) => value === undefined);
}

/**
 * Applies a PATCH as Maestro does (management-api.md 4.6): present fields replace, containers are
 * merged by index field by field, lists cannot be cleared, maps can be emptied, autoscaling starts
 * from zero values when the scheduler had none.
 */
export function applySchedulerPatch(current: Scheduler, patch: SchedulerPatch): Scheduler {
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const patched: Scheduler = {
    ...current,
    spec: {
      ...current.spec,
      terminationGracePeriodNs: pick(patch.terminationGracePeriodNs, current.spec.terminationGracePeriodNs),
      containers: patch.containers ? mergeContainers(current.spec.containers, patch.containers) : current.spec.containers,
      toleration: pick(patch.toleration, current.spec.toleration),
      affinity: pick(patch.affinity, current.spec.affinity),
    },
    portRange: pick(patch.portRange, current.portRange),
    maxSurge: pick(patch.maxSurge, current.maxSurge),
    roomsReplicas: pick(patch.roomsReplicas, current.roomsReplicas),
    autoscaling: patch.autoscaling ? mergeAutoscaling(current.autoscaling, patch.autoscaling) : current.autoscaling,
    forwarders: pick(patch.forwarders, current.forwarders),
    annotations: pick(patch.annotations, current.annotations),
    labels: pick(patch.labels, current.labels),
    matchAllocation: pick(patch.matchAllocation, current.matchAllocation),
  };
  return applySchedulerDefaults(patched);
}

function mergeContainers(current: Container[], patches: Partial<Container>[]): Container[] {
  const length = Math.max(current.length, patches.length);
  return Array.from({ length }, (_, i) => {
    const base = current[i] ?? EMPTY_CONTAINER;
    const patch = patches[i];
    if (!patch) return base;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    return { ...base, ...defined };
  });
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
