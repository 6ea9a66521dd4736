import {
  AlreadyExistsError,
  type CreateInstanceOptions,
  type Instance,
  type InstanceEvent,
  type InstanceWatcher,
  InvalidArgumentError,
  type Logger,
  LogField,
  NotFoundError,
  type RoomRemovalReason,
  type Runtime,
  type Scheduler,
  type SchedulerSpec,
  UnexpectedError,
} from '@maestro/domain';
import type { CoreV1Event } from '@kubernetes/client-node';
import { isOwnedNamespace, MANAGED_BY_LABEL, namespaceLabels, SCHEDULER_LABEL } from './namespace/namespace-ownership';
import { apiErrorCode, describeApiError, isRetryableApiError } from './client/api-errors';
import { KubernetesClient, KubernetesRequestTimeoutError } from './client/kubernetes-client';
import { type RetryPolicy, withRetry } from './client/retry';
import {
  DEFAULT_NODE_ADDRESS_TTL_MS,
  DEFAULT_RESYNC_MS,
  DEFAULT_WATCH_BACKOFF_MS,
  type KubernetesRuntimeOptions,
  MAX_WATCH_BACKOFF_MS,
  topologySpreadOf,
} from './kubernetes-runtime.options';
import { budgetIsCurrent, disruptionBudget, minAvailableFor, supportsPolicyV1 } from './pdb/disruption-budget';
import { buildPod } from './pod/pod-builder';
import { podToInstance } from './pod/pod-instance.mapper';
import { gameRoomName } from './room-name';
import { InstanceConverter } from './watch/instance-converter';
import { KubernetesPodSource } from './watch/kubernetes-pod-source';
import { NodeHostCache } from './watch/node-host-cache';
import { SharedPodWatch } from './watch/shared-pod-watch';

/** Pod creation retries (Maestro: client-go retry.OnError, 4 steps, 10 ms x 5^n, 10 % jitter). */
export const CREATE_POD_RETRY: RetryPolicy = { attempts: 4, baseMs: 10, factor: 5, jitter: 0.1, retryable: isRetryableApiError };
/** The deletion of an aborted creation's pod: retried like the creation (throttling and 5xx). */
const DELETE_ABANDONED_POD_RETRY: RetryPolicy = CREATE_POD_RETRY;
/** PDB updates retried on 409 Conflict, 5 attempts 10 ms apart. */
const UPDATE_PDB_RETRY: RetryPolicy = { attempts: 5, baseMs: 10, factor: 1, jitter: 0, retryable: (error) => apiErrorCode(error) === 409 };
/** The watcher's selector: only pods Maestro created. */
export const MAESTRO_POD_SELECTOR = 'heritage=maestro';
/** Source component of the events Maestro records. */
export const EVENT_SOURCE = 'maestro-next';

/** The Runtime port on Kubernetes: one namespace per scheduler, one bare pod per room. */
export class KubernetesRuntime implements Runtime {
  private readonly client: KubernetesClient;
  private readonly nodeHosts: NodeHostCache;
  /** The one pod watch of the process: every namespace, Maestro's pods only. */
  private readonly pods: SharedPodWatch;

  constructor(
    private readonly options: KubernetesRuntimeOptions,
    private readonly logger: Logger,
  ) {
    this.client = new KubernetesClient(options);
    this.nodeHosts = new NodeHostCache(
      (name) => this.client.call((request) => this.client.core.readNode({ name }, request)),
      options.nodeAddressTtlMs ?? DEFAULT_NODE_ADDRESS_TTL_MS,
    );
    this.pods = new SharedPodWatch(
      new KubernetesPodSource(this.client, MAESTRO_POD_SELECTOR),
      {
        resyncMs: options.resyncMs ?? DEFAULT_RESYNC_MS,
        backoffMs: options.watchBackoffMs ?? DEFAULT_WATCH_BACKOFF_MS,
        maxBackoffMs: MAX_WATCH_BACKOFF_MS,
      },
      logger.child({ [LogField.Component]: 'pod-informer' }),
    );
  }

  async createScheduler(scheduler: Scheduler): Promise<void> {
    const name = scheduler.name;
    try {
      await this.client.call((request) => this.client.core.createNamespace({ body: { metadata: { name, labels: namespaceLabels(name) } } }, request));
    } catch (error) {
      if (apiErrorCode(error) === 409) throw new AlreadyExistsError(`scheduler '${name}' already exists`, { cause: error });
      throw new UnexpectedError(`error creating scheduler '${name}': ${describeApiError(error)}`, { cause: error });
    }
    try {
      await this.client.call((request) =>
        this.client.policy.createNamespacedPodDisruptionBudget({ namespace: name, body: disruptionBudget(name, 0) }, request),
      );
    } catch (error) {
      if (apiErrorCode(error) !== 409)
        this.logger.warn('failed to create pod disruption budget', { [LogField.SchedulerName]: name, [LogField.Error]: describeApiError(error) });
    }
  }

  /**
   * Deletes the scheduler's namespace, only when Maestro owns it: labelled as created by Maestro for
   * this scheduler, or (created by Maestro-Go, which set no labels) holding this scheduler's pods.
   * A namespace Maestro did not create reads as not found and is left alone.
   */
  async deleteScheduler(scheduler: Scheduler): Promise<void> {
    const name = scheduler.name;
    await this.ensureOwnedNamespace(name);
    if (await this.servesPolicyV1()) {
      try {
        await this.client.call((request) => this.client.policy.deleteNamespacedPodDisruptionBudget({ name, namespace: name }, request));
      } catch (error) {
        if (apiErrorCode(error) !== 404)
          this.logger.warn('failed to delete pod disruption budget', { [LogField.SchedulerName]: name, [LogField.Error]: describeApiError(error) });
      }
    }
    try {
      await this.client.call((request) => this.client.core.deleteNamespace({ name }, request));
    } catch (error) {
      if (apiErrorCode(error) === 404) throw new NotFoundError(`scheduler '${name}' not found`, { cause: error });
      throw new UnexpectedError(`error deleting scheduler '${name}': ${describeApiError(error)}`, { cause: error });
    }
  }

  private async ensureOwnedNamespace(name: string): Promise<void> {
    let namespace;
    try {
      namespace = await this.client.call((request) => this.client.core.readNamespace({ name }, request));
    } catch (error) {
      if (apiErrorCode(error) === 404) throw new NotFoundError(`scheduler '${name}' not found`, { cause: error });
      throw new UnexpectedError(`error deleting scheduler '${name}': ${describeApiError(error)}`, { cause: error });
    }
    if (isOwnedNamespace(namespace, name)) return;
    const hasLabels = Object.keys(namespace.metadata?.labels ?? {}).some((key) => key === MANAGED_BY_LABEL || key === SCHEDULER_LABEL);
    if (!hasLabels && (await this.hasSchedulerPods(name))) return;
    this.logger.warn('namespace not created by maestro for this scheduler: left alone', { [LogField.SchedulerName]: name });
    throw new NotFoundError(`scheduler '${name}' not found: namespace '${name}' is not managed by maestro`);
  }

  /** Whether the namespace holds pods of this scheduler (a namespace created by Maestro-Go). */
  private async hasSchedulerPods(name: string): Promise<boolean> {
    const pods = await this.client.call((request) =>
      this.client.core.listNamespacedPod({ namespace: name, labelSelector: `${MAESTRO_POD_SELECTOR},${SCHEDULER_LABEL}=${name}`, limit: 1 }, request),
    );
    return pods.items.length > 0;
  }

  /**
   * Creates the pod, retrying as Maestro does. An aborted `signal` stops the retries and aborts the
   * request in flight; when a request went out (the pod may have landed), the pod is deleted before
   * the call rejects with the signal's reason.
   */
  async createGameRoomInstance(scheduler: Scheduler, roomId: string, spec: SchedulerSpec, options: CreateInstanceOptions = {}): Promise<Instance> {
    const { signal } = options;
    const pod = buildPod(scheduler, roomId, spec, { topologySpreadConstraint: topologySpreadOf(this.options), roomTokenSecret: this.options.roomTokenSecret });
    let sent = false;
    try {
      const created = await withRetry(
        CREATE_POD_RETRY,
        () =>
          this.client.call((request) => {
            sent = true;
            return this.client.core.createNamespacedPod({ namespace: scheduler.name, body: pod }, request);
          }, signal),
        { signal },
      );
      signal?.throwIfAborted();
      return podToInstance(created, undefined, scheduler.name);
    } catch (error) {
      if (signal?.aborted) {
        if (sent) await this.deleteAbandonedPod(scheduler.name, roomId);
        throw signal.reason;
      }
      // A creation that timed out may have landed: it must not leave a pod without a room.
      if (error instanceof KubernetesRequestTimeoutError) await this.deleteAbandonedPod(scheduler.name, roomId);
      const code = apiErrorCode(error);
      const message = `error creating game room ${roomId}: ${describeApiError(error)}`;
      if (code === 409) throw new AlreadyExistsError(message, { cause: error });
      if (code === 422 || code === 400) throw new InvalidArgumentError(message, [], { cause: error });
      throw new UnexpectedError(message, { cause: error });
    }
  }

  async deleteGameRoomInstance(instance: Instance, reason: RoomRemovalReason): Promise<void> {
    const { id: name, schedulerId: namespace } = instance;
    await this.recordDeletion(instance, reason).catch((error: unknown) =>
      this.logger.debug('failed to record game room deletion event', { [LogField.RoomId]: name, [LogField.Error]: describeApiError(error) }),
    );
    try {
      await this.client.call((request) => this.client.core.deleteNamespacedPod({ name, namespace }, request));
    } catch (error) {
      if (apiErrorCode(error) === 404) throw new NotFoundError(`game room ${name} not found`, { cause: error });
      throw new UnexpectedError(`error deleting game room ${name}: ${describeApiError(error)}`, { cause: error });
    }
  }

  createGameRoomName(scheduler: Scheduler): string {
    return gameRoomName(scheduler.name);
  }

  /**
   * Watches the scheduler's pods through the runtime's one pod watch of every namespace (shared by
   * all the schedulers of the process); resolves once the pods that exist were reported.
   */
  async watchGameRoomInstances(
    scheduler: Scheduler,
    onEvent: (event: InstanceEvent) => Promise<void> | void,
    options: { signal?: AbortSignal } = {},
  ): Promise<InstanceWatcher> {
    const logger = this.logger.child({ [LogField.SchedulerName]: scheduler.name, [LogField.Component]: 'pod-informer' });
    const converter = new InstanceConverter(scheduler.name, (node) => this.nodeHosts.resolve(node));
    return this.pods.subscribe(
      scheduler.name,
      async (change) => {
        let event: InstanceEvent;
        try {
          event = await converter.convert(change);
        } catch (error) {
          // Maestro drops the event (not retried): the instance is written again when the pod changes.
          logger.warn('failed to convert pod to instance', { [LogField.RoomId]: change.pod.metadata?.name, [LogField.Error]: describeApiError(error) });
          return;
        }
        await onEvent(event);
      },
      options,
    );
  }

  async mitigateDisruption(scheduler: Scheduler, roomAmount: number, safetyPercentage: number): Promise<void> {
    const name = scheduler.name;
    const target = minAvailableFor(roomAmount, safetyPercentage);
    try {
      await withRetry(UPDATE_PDB_RETRY, async () => {
        const current = await this.readOrCreateBudget(name);
        if (budgetIsCurrent(current, target)) return;
        const body = { ...current, spec: disruptionBudget(name, target).spec };
        await this.client.call((request) => this.client.policy.replaceNamespacedPodDisruptionBudget({ name, namespace: name, body }, request));
      });
    } catch (error) {
      throw new UnexpectedError(`error updating pod disruption budget of '${name}': ${describeApiError(error)}`, { cause: error });
    }
  }

  private async readOrCreateBudget(name: string) {
    try {
      return await this.client.call((request) => this.client.policy.readNamespacedPodDisruptionBudget({ name, namespace: name }, request));
    } catch (error) {
      if (apiErrorCode(error) !== 404) throw error;
      return this.client.call((request) =>
        this.client.policy.createNamespacedPodDisruptionBudget({ namespace: name, body: disruptionBudget(name, 0) }, request),
      );
    }
  }

  private async servesPolicyV1(): Promise<boolean> {
    try {
      return supportsPolicyV1(await this.client.call((request) => this.client.version.getCode(request)));
    } catch (error) {
      this.logger.warn('failed to read the api server version', { [LogField.Error]: describeApiError(error) });
      return false;
    }
  }

  /**
   * Deletes the pod of an aborted creation whose request went out: it may have landed. A pod that is
   * not there is fine; a deletion that keeps failing is logged (the pod is then left behind).
   */
  private async deleteAbandonedPod(namespace: string, name: string): Promise<void> {
    try {
      await withRetry(DELETE_ABANDONED_POD_RETRY, () => this.client.call((request) => this.client.core.deleteNamespacedPod({ name, namespace }, request)));
    } catch (error) {
      if (apiErrorCode(error) === 404) return;
      this.logger.warn('failed to delete the pod of an aborted room creation', { [LogField.RoomId]: name, [LogField.Error]: describeApiError(error) });
    }
  }

  /** Reads the pod and records a `GameRoomDeleted` event on it (Maestro's source `maestro-next`). */
  private async recordDeletion(instance: Instance, reason: RoomRemovalReason): Promise<void> {
    const { id: name, schedulerId: namespace } = instance;
    const pod = await this.client.call((request) => this.client.core.readNamespacedPod({ name, namespace }, request));
    const now = new Date();
    const event: CoreV1Event = {
      metadata: { generateName: `${name}.`, namespace },
      involvedObject: { kind: 'Pod', apiVersion: 'v1', name, namespace, uid: pod.metadata?.uid, resourceVersion: pod.metadata?.resourceVersion },
      type: 'Normal',
      reason: 'GameRoomDeleted',
      message: reason,
      source: { component: EVENT_SOURCE },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    };
    await this.client.call((request) => this.client.core.createNamespacedEvent({ namespace, body: event }, request));
  }
}
