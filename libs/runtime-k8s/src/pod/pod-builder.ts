import { InvalidArgumentError, type Scheduler, type SchedulerSpec } from '@maestro/domain';
import type { V1Container, V1Pod } from '@kubernetes/client-node';

export interface TopologySpreadOptions {
  enabled: boolean;
  maxSkew: number;
  topologyKey: string;
  scheduleAnyway: boolean;
}

const QUANTITY = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;
const RESTART_POLICIES = new Set(['Always', 'OnFailure']);

function protocolOf(protocol: string): string {
  const upper = protocol.toUpperCase();
  if (upper === 'TCP' || upper === 'UDP') return upper;
  throw new InvalidArgumentError(`invalid port protocol "${protocol}"`);
}

function resources(values: { cpu: string; memory: string }): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of [['cpu', values.cpu], ['memory', values.memory]] as const) {
    if (!value) continue;
    if (!QUANTITY.test(value)) throw new InvalidArgumentError(`failed to parse resource "${name}" = "${value}"`);
    result[name] = value;
  }
  return result;
}

/** The pod of one room exactly as Maestro maps a scheduler spec (runtime-kubernetes.md 3.2). */
export function buildPod(scheduler: Scheduler, roomId: string, spec: SchedulerSpec, topology: TopologySpreadOptions): V1Pod {
  const graceSeconds = Math.trunc(spec.terminationGracePeriodNs / 1e9);
  const containers: V1Container[] = spec.containers.map((c) => ({
    name: c.name,
    image: c.image,
    imagePullPolicy: c.imagePullPolicy,
    command: c.command.length > 0 ? c.command : undefined,
    ports: c.ports.map((p) => ({ name: p.name, protocol: protocolOf(p.protocol), containerPort: p.port, hostPort: p.hostPort })),
    env: [
      ...c.environment.map((e) =>
        e.value !== undefined
          ? { name: e.name, value: e.value }
          : e.valueFrom?.secretKeyRef
            ? { name: e.name, valueFrom: { secretKeyRef: { name: e.valueFrom.secretKeyRef.name, key: e.valueFrom.secretKeyRef.key } } }
            : e.valueFrom?.fieldRef
              ? { name: e.name, valueFrom: { fieldRef: { fieldPath: e.valueFrom.fieldRef.fieldPath } } }
              : { name: e.name },
      ),
      { name: 'MAESTRO_SCHEDULER_NAME', value: scheduler.name },
      { name: 'MAESTRO_ROOM_ID', value: roomId },
    ],
    resources: { requests: resources(c.requests), limits: resources(c.limits) },
  }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: roomId,
      namespace: scheduler.name,
      labels: { heritage: 'maestro', 'maestro-scheduler': scheduler.name, version: spec.version, ...scheduler.labels },
      annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true', ...scheduler.annotations },
    },
    spec: {
      ...(graceSeconds > 0 ? { terminationGracePeriodSeconds: graceSeconds } : {}),
      restartPolicy: RESTART_POLICIES.has(spec.restartPolicy) ? spec.restartPolicy : 'Never',
      tolerations: spec.toleration ? [{ key: 'dedicated', operator: 'Equal', value: spec.toleration, effect: 'NoSchedule' }] : [],
      ...(spec.affinity
        ? {
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [{ matchExpressions: [{ key: spec.affinity, operator: 'In', values: ['true'] }] }],
                },
              },
            },
          }
        : {}),
      ...(topology.enabled
        ? {
            topologySpreadConstraints: [
              {
                maxSkew: topology.maxSkew > 0 ? topology.maxSkew : 5,
                topologyKey: topology.topologyKey || 'topology.kubernetes.io/zone',
                whenUnsatisfiable: topology.scheduleAnyway ? 'ScheduleAnyway' : 'DoNotSchedule',
                labelSelector: { matchLabels: { 'maestro-scheduler': scheduler.name } },
              },
            ],
          }
        : {}),
      containers,
    },
  };
}
