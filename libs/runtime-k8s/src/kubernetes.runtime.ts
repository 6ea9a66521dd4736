import {
  AlreadyExistsError,
  type Instance,
  type InstanceEvent,
  type InstanceWatcher,
  InvalidArgumentError,
  type Logger,
  NotFoundError,
  type RoomRemovalReason,
  type Runtime,
  type Scheduler,
  type SchedulerSpec,
  UnexpectedError,
} from '@maestro/domain';
import type { V1Pod } from '@kubernetes/client-node';
import { apiErrorCode, KubernetesClient, type KubernetesClientOptions } from './client/kubernetes-client';
import { minAvailableFor } from './disruption';
import { nodeAddress } from './pod/node-address';
import { buildPod, type TopologySpreadOptions } from './pod/pod-builder';
import { podToInstance } from './pod/pod-instance.mapper';
import { PodWatcher } from './pod-watcher';
import { gameRoomName } from './room-name';

export interface KubernetesRuntimeOptions extends KubernetesClientOptions {
  topologySpread: TopologySpreadOptions;
  /** Informer resync period (Maestro: 30 s). */
  resyncMs?: number;
  /** How long a node's address is cached (Maestro: 24 h). */
  nodeAddressTtlMs?: number;
}

const RETRYABLE = new Set([429, 500, 503, 504]);
const pdbName = (scheduler: string) => scheduler;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Runtime port on Kubernetes: one namespace per scheduler, one pod per room. */
export class KubernetesRuntime implements Runtime {
  private readonly client: KubernetesClient;
  private readonly nodeHosts = new Map<string, { host: string; until: number }>();

  constructor(
    private readonly options: KubernetesRuntimeOptions,
    private readonly logger: Logger,
  ) {
    this.client = new KubernetesClient(options);
  }

  async createScheduler(scheduler: Scheduler): Promise<void> {
    try {
      await this.client.call(() => this.client.core.createNamespace({ body: { metadata: { name: scheduler.name } } }));
    } catch (error) {
      if (apiErrorCode(error) === 409) throw new AlreadyExistsError(`scheduler '${scheduler.name}' already exists`, { cause: error });
      throw new UnexpectedError(`error creating namespace ${scheduler.name}: ${describe(error)}`, { cause: error });
    }
    await this.client
      .call(() => this.client.policy.createNamespacedPodDisruptionBudget({ namespace: scheduler.name, body: this.pdb(scheduler.name, 0) }))
      .catch((error: unknown) => {
        if (apiErrorCode(error) !== 409) this.logger.warn('failed to create pod disruption budget', { scheduler_name: scheduler.name, error: describe(error) });
      });
  }

  async deleteScheduler(scheduler: Scheduler): Promise<void> {
    if (await this.supportsPdb()) {
      await this.client
        .call(() => this.client.policy.deleteNamespacedPodDisruptionBudget({ name: pdbName(scheduler.name), namespace: scheduler.name }))
        .catch((error: unknown) => {
          if (apiErrorCode(error) !== 404) this.logger.warn('failed to delete pod disruption budget', { error: describe(error) });
        });
    }
    try {
      await this.client.call(() => this.client.core.deleteNamespace({ name: scheduler.name }));
    } catch (error) {
      if (apiErrorCode(error) === 404) throw new NotFoundError(`scheduler '${scheduler.name}' not found`, { cause: error });
      throw new UnexpectedError(`error deleting namespace ${scheduler.name}: ${describe(error)}`, { cause: error });
    }
  }

  async createGameRoomInstance(scheduler: Scheduler, roomId: string, spec: SchedulerSpec): Promise<Instance> {
    const pod = buildPod(scheduler, roomId, spec, this.options.topologySpread);
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await this.client.call(() => this.client.core.createNamespacedPod({ namespace: scheduler.name, body: pod }));
        return podToInstance(created);
      } catch (error) {
        const code = apiErrorCode(error);
        if (code !== undefined && RETRYABLE.has(code) && attempt < 4) {
          const base = 10 * 5 ** (attempt - 1);
          await sleep(base + Math.random() * base * 0.1);
          continue;
        }
        if (code === 409) throw new AlreadyExistsError(`game room ${roomId} already exists`, { cause: error });
        if (code === 422 || code === 400) throw new InvalidArgumentError(`error creating game room ${roomId}: ${describe(error)}`, [], { cause: error });
        throw new UnexpectedError(`error creating game room ${roomId}: ${describe(error)}`, { cause: error });
      }
    }
  }

  async deleteGameRoomInstance(instance: Instance, reason: RoomRemovalReason): Promise<void> {
    await this.recordEvent(instance, reason).catch(() => undefined);
    try {
      await this.client.call(() => this.client.core.deleteNamespacedPod({ name: instance.id, namespace: instance.schedulerId }));
    } catch (error) {
      if (apiErrorCode(error) === 404) throw new NotFoundError(`game room ${instance.id} not found`, { cause: error });
      throw new UnexpectedError(`error deleting game room ${instance.id}: ${describe(error)}`, { cause: error });
    }
  }

  createGameRoomName(scheduler: Scheduler): string {
    return gameRoomName(scheduler.name);
  }

  async watchGameRoomInstances(scheduler: Scheduler, onEvent: (event: InstanceEvent) => Promise<void> | void): Promise<InstanceWatcher> {
    const watcher = new PodWatcher(
      this.client,
      { namespace: scheduler.name, labelSelector: 'heritage=maestro', resyncMs: this.options.resyncMs ?? 30_000, backoffMs: 100 },
      async (type, pod) => {
        const host = type === 'deleted' ? '' : await this.hostOf(pod);
        await onEvent({ type, instance: podToInstance(pod, host) });
      },
      this.logger.child({ scheduler_name: scheduler.name, component: 'pod-watcher' }),
    );
    await watcher.start();
    return watcher;
  }

  async mitigateDisruption(scheduler: Scheduler, roomAmount: number, safetyPercentage: number): Promise<void> {
    const minAvailable = minAvailableFor(roomAmount, safetyPercentage);
    for (let attempt = 1; attempt <= 5; attempt++) {
      let current;
      try {
        current = await this.client.call(() => this.client.policy.readNamespacedPodDisruptionBudget({ name: pdbName(scheduler.name), namespace: scheduler.name }));
      } catch (error) {
        if (apiErrorCode(error) !== 404) throw new UnexpectedError(`error reading pod disruption budget: ${describe(error)}`, { cause: error });
        current = await this.client.call(() => this.client.policy.createNamespacedPodDisruptionBudget({ namespace: scheduler.name, body: this.pdb(scheduler.name, 0) }));
      }
      if (current.spec?.minAvailable === minAvailable && current.spec?.maxUnavailable === undefined) return;
      const body = { ...current, spec: this.pdb(scheduler.name, minAvailable).spec };
      try {
        await this.client.call(() => this.client.policy.replaceNamespacedPodDisruptionBudget({ name: pdbName(scheduler.name), namespace: scheduler.name, body }));
        return;
      } catch (error) {
        if (apiErrorCode(error) !== 409 || attempt === 5) throw new UnexpectedError(`error updating pod disruption budget: ${describe(error)}`, { cause: error });
        await sleep(10);
      }
    }
  }

  private pdb(scheduler: string, minAvailable: number) {
    return {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: pdbName(scheduler), namespace: scheduler, labels: { 'app.kubernetes.io/managed-by': 'maestro' } },
      spec: { minAvailable, selector: { matchLabels: { 'maestro-scheduler': scheduler } } },
    };
  }

  private async supportsPdb(): Promise<boolean> {
    try {
      const version = await this.client.call(() => this.client.version.getCode());
      const major = Number.parseInt(version.major, 10);
      const minor = Number(version.minor);
      return Number.isInteger(major) && Number.isInteger(minor) && (major > 1 || (major === 1 && minor >= 21));
    } catch {
      return false;
    }
  }

  private async recordEvent(instance: Instance, reason: RoomRemovalReason): Promise<void> {
    const now = new Date();
    await this.client.call(() =>
      this.client.core.createNamespacedEvent({
        namespace: instance.schedulerId,
        body: {
          metadata: { generateName: `${instance.id}.`, namespace: instance.schedulerId },
          involvedObject: { kind: 'Pod', name: instance.id, namespace: instance.schedulerId, apiVersion: 'v1' },
          type: 'Normal',
          reason: 'GameRoomDeleted',
          message: reason,
          source: { component: 'maestro-next' },
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
        },
      }),
    );
  }

  /** The host of a scheduled pod (cached per node); undefined while unscheduled or unresolvable. */
  private async hostOf(pod: V1Pod): Promise<string | undefined> {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return undefined;
    const cached = this.nodeHosts.get(nodeName);
    if (cached && cached.until > Date.now()) return cached.host;
    try {
      const node = await this.client.call(() => this.client.core.readNode({ name: nodeName }));
      const host = nodeAddress(node);
      this.nodeHosts.set(nodeName, { host, until: Date.now() + (this.options.nodeAddressTtlMs ?? 86_400_000) });
      return host;
    } catch (error) {
      this.logger.warn('failed to resolve node address', { node: nodeName, error: describe(error) });
      return undefined;
    }
  }
}

function describe(error: unknown): string {
  const body = (error as { body?: unknown }).body;
  if (typeof body === 'string') {
    try {
      return (JSON.parse(body) as { message?: string }).message ?? body;
    } catch {
      return body;
    }
  }
  return error instanceof Error ? error.message : String(error);
}
