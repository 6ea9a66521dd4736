import type { Scheduler, SchedulerSpec } from '@maestro/domain';
import type { V1Affinity, V1Pod, V1PodSpec, V1TopologySpreadConstraint } from '@kubernetes/client-node';
import { buildContainer } from './container-builder';
import { SCHEDULER_LABEL } from '../namespace/namespace-ownership';

/** `adapters.runtime.kubernetes.topologySpreadConstraint` of Maestro's config. */
export interface TopologySpreadOptions {
  enabled: boolean;
  /** <= 0 means the default, 5. */
  maxSkew: number;
  /** Empty means the default, `topology.kubernetes.io/zone`. */
  topologyKey: string;
  /** ScheduleAnyway instead of DoNotSchedule. */
  scheduleAnyway: boolean;
}

/** Maestro's config.yaml values. */
export const DEFAULT_TOPOLOGY_SPREAD: TopologySpreadOptions = { enabled: true, maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', scheduleAnyway: false };

export interface PodBuildOptions {
  topologySpreadConstraint: TopologySpreadOptions;
  /** Key of the rooms' tokens: each container gets its room's MAESTRO_ROOM_TOKEN; none without. */
  roomTokenSecret?: string;
}

const RESTART_POLICIES = new Set(['Always', 'OnFailure', 'Never']);
const NS_PER_SECOND = 1_000_000_000;

/** `Always` / `OnFailure` / `Never` as given; anything else (the empty string included) -> `Never`. */
export function restartPolicy(value: string): string {
  return RESTART_POLICIES.has(value) ? value : 'Never';
}

function affinity(label: string): V1Affinity {
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: label, operator: 'In', values: ['true'] }] }],
      },
    },
  };
}

/** The one spread constraint over the scheduler's pods, with Maestro's defaults for bad values. */
export function topologySpreadConstraint(scheduler: string, options: TopologySpreadOptions): V1TopologySpreadConstraint {
  return {
    maxSkew: options.maxSkew > 0 ? options.maxSkew : 5,
    topologyKey: options.topologyKey || 'topology.kubernetes.io/zone',
    whenUnsatisfiable: options.scheduleAnyway ? 'ScheduleAnyway' : 'DoNotSchedule',
    labelSelector: { matchLabels: { [SCHEDULER_LABEL]: scheduler } },
  };
}

/**
 * The pod of one room exactly as Maestro maps a scheduler spec (runtime-kubernetes.md 3.2).
 * Throws InvalidArgumentError on an unsupported port protocol or an unparsable resource quantity.
 */
export function buildPod(scheduler: Scheduler, roomId: string, spec: SchedulerSpec, options: PodBuildOptions): V1Pod {
  const graceSeconds = Math.trunc(spec.terminationGracePeriodNs / NS_PER_SECOND);
  const podSpec: V1PodSpec = {
    ...(graceSeconds !== 0 ? { terminationGracePeriodSeconds: graceSeconds } : {}),
    restartPolicy: restartPolicy(spec.restartPolicy),
    tolerations: spec.toleration ? [{ key: 'dedicated', operator: 'Equal', value: spec.toleration, effect: 'NoSchedule' }] : [],
    ...(spec.affinity ? { affinity: affinity(spec.affinity) } : {}),
    ...(options.topologySpreadConstraint.enabled
      ? { topologySpreadConstraints: [topologySpreadConstraint(scheduler.name, options.topologySpreadConstraint)] }
      : {}),
    containers: spec.containers.map((container) => buildContainer(container, scheduler.name, roomId, options.roomTokenSecret)),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: roomId,
      namespace: scheduler.name,
      labels: { heritage: 'maestro', [SCHEDULER_LABEL]: scheduler.name, version: spec.version, ...scheduler.labels },
      annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true', ...scheduler.annotations },
    },
    spec: podSpec,
  };
}
