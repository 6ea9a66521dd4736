import {
  AlreadyExistsError,
  type CreateInstanceOptions,
  type Instance,
  type InstanceEvent,
  type InstanceStatusType,
  type InstanceWatcher,
  InvalidArgumentError,
  NotFoundError,
  type RoomRemovalReason,
  type Runtime,
  type Scheduler,
  type SchedulerSpec,
} from '@maestro/domain';

type Listener = (event: InstanceEvent) => Promise<void> | void;

/** One watch: its events are handed to the listener one at a time, in order. */
interface Watch {
  schedulerName: string;
  onEvent: Listener;
  delivery: Promise<void>;
  stopped: boolean;
}

/** A name Kubernetes accepts for a pod (a DNS-1123 subdomain). */
const POD_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

/**
 * The disruption budget's minAvailable, by the adapter's rule (runtime-kubernetes.md 8): every room
 * but a safety share (0.05 outside [0.05, 1)), rounded down; none below two rooms.
 */
const minAvailableFor = (roomAmount: number, safetyPercentage: number): number => {
  const safety = safetyPercentage >= 0.05 && safetyPercentage < 1 ? safetyPercentage : 0.05;
  return roomAmount < 2 ? 0 : Math.floor(roomAmount * (1 - safety));
};

/**
 * The Runtime port in memory, for unit tests: namespaces, pods and disruption budgets are maps. A pod
 * stays `pending` until the test moves it with `setInstanceStatus`. A slow cluster is played with
 * `holdCreations` (a creation waits before its pod lands) or `holdAnswers` (the pod lands, the
 * answer waits), until `release`. It honours the creation's abort signal like KubernetesRuntime: no
 * pod lands once aborted, and a pod that landed before the answer is deleted before the rejection.
 * Unlike the adapter, it lets a pod land in a scheduler whose namespace it never created (tests
 * of room creation need not create it).
 */
export class InMemoryRuntime implements Runtime {
  readonly namespaces = new Set<string>();
  /** Pods by `<scheduler>/<room id>`. */
  readonly pods = new Map<string, Instance>();
  /** The spec each pod was created from (host ports included), by `<scheduler>/<room id>`. */
  readonly podSpecs = new Map<string, SchedulerSpec>();
  /** Every pod deletion with the reason recorded on it, in order. */
  readonly deletions: { schedulerName: string; roomId: string; reason: RoomRemovalReason }[] = [];
  /** minAvailable of each scheduler's disruption budget. */
  readonly budgets = new Map<string, number>();
  /** What watch listeners threw (a test can assert there is nothing). */
  readonly listenerErrors: unknown[] = [];
  private hold: 'none' | 'creations' | 'answers' = 'none';
  private waiting: (() => void)[] = [];
  private readonly watches = new Set<Watch>();
  private nextName = 0;
  private nextVersion = 1;

  /** From now on, creations wait before their pod lands, until `release`. */
  holdCreations(): void {
    this.hold = 'creations';
  }

  /** From now on, pods land at once but their creation's answer waits, until `release`. */
  holdAnswers(): void {
    this.hold = 'answers';
  }

  /** Lets every waiting creation go on and stops holding new ones. */
  release(): void {
    this.hold = 'none';
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((resume) => resume());
  }

  /** Creations waiting for `release`. */
  get held(): number {
    return this.waiting.length;
  }

  hasPod(schedulerName: string, roomId: string): boolean {
    return this.pods.has(`${schedulerName}/${roomId}`);
  }

  /** Moves a pod to another status (as its kubelet would) and tells the watchers; throws NotFoundError. */
  setInstanceStatus(schedulerName: string, roomId: string, type: InstanceStatusType, description = ''): Instance {
    const key = `${schedulerName}/${roomId}`;
    const pod = this.pods.get(key);
    if (!pod) throw new NotFoundError(`game room ${roomId} not found`);
    const address = type === 'ready' ? (pod.address ?? { host: '127.0.0.1', ports: [] }) : pod.address;
    const updated: Instance = { ...pod, status: { type, description }, ...(address ? { address } : {}), resourceVersion: String(this.nextVersion++) };
    this.pods.set(key, updated);
    this.emit({ type: 'updated', instance: updated });
    return structuredClone(updated);
  }

  async createScheduler(scheduler: Scheduler): Promise<void> {
    if (this.namespaces.has(scheduler.name)) throw new AlreadyExistsError(`scheduler '${scheduler.name}' already exists`);
    this.namespaces.add(scheduler.name);
    this.budgets.set(scheduler.name, 0);
  }

  async deleteScheduler(scheduler: Scheduler): Promise<void> {
    if (!this.namespaces.delete(scheduler.name)) throw new NotFoundError(`scheduler '${scheduler.name}' not found`);
    this.budgets.delete(scheduler.name);
    for (const [key, instance] of this.pods) if (instance.schedulerId === scheduler.name) this.removePod(key, instance);
  }

  async createGameRoomInstance(scheduler: Scheduler, roomId: string, spec: SchedulerSpec, options: CreateInstanceOptions = {}): Promise<Instance> {
    const { signal } = options;
    signal?.throwIfAborted();
    if (this.hold === 'creations') await this.waitForRelease(signal);
    if (!POD_NAME.test(roomId))
      throw new InvalidArgumentError(`error creating game room ${roomId}: pods "${roomId}" is invalid: metadata.name: a lowercase RFC 1123 subdomain`);
    const key = `${scheduler.name}/${roomId}`;
    if (this.pods.has(key)) throw new AlreadyExistsError(`error creating game room ${roomId}: pods "${roomId}" already exists`);
    const instance: Instance = {
      id: roomId,
      schedulerId: scheduler.name,
      status: { type: 'pending', description: '' },
      resourceVersion: String(this.nextVersion++),
      version: spec.version,
    };
    this.pods.set(key, instance);
    this.podSpecs.set(key, structuredClone(spec));
    this.emit({ type: 'added', instance });
    if (this.hold === 'answers') {
      try {
        await this.waitForRelease(signal);
      } catch (reason) {
        this.removePod(key, instance);
        throw reason;
      }
    }
    return structuredClone(instance);
  }

  async deleteGameRoomInstance(instance: Instance, reason: RoomRemovalReason): Promise<void> {
    const key = `${instance.schedulerId}/${instance.id}`;
    const stored = this.pods.get(key);
    if (!stored) throw new NotFoundError(`game room ${instance.id} not found`);
    this.deletions.push({ schedulerName: instance.schedulerId, roomId: instance.id, reason });
    this.removePod(key, stored);
  }

  /** `<scheduler name, cut to 58 characters>-<5 characters>`, from a counter: names never repeat. */
  createGameRoomName(scheduler: Scheduler): string {
    return `${scheduler.name.slice(0, 58)}-${(this.nextName++).toString(36).padStart(5, '0')}`;
  }

  async watchGameRoomInstances(scheduler: Scheduler, onEvent: Listener): Promise<InstanceWatcher> {
    const watch: Watch = { schedulerName: scheduler.name, onEvent, delivery: Promise.resolve(), stopped: false };
    for (const instance of this.pods.values()) if (instance.schedulerId === scheduler.name) this.deliver(watch, { type: 'added', instance });
    await watch.delivery;
    this.watches.add(watch);
    return {
      stop: async () => {
        watch.stopped = true;
        this.watches.delete(watch);
        await watch.delivery;
      },
      redeliver: async () => {
        for (const instance of this.pods.values()) if (instance.schedulerId === scheduler.name) this.deliver(watch, { type: 'added', instance });
        await watch.delivery;
      },
    };
  }

  async mitigateDisruption(scheduler: Scheduler, roomAmount: number, safetyPercentage: number): Promise<void> {
    this.budgets.set(scheduler.name, minAvailableFor(roomAmount, safetyPercentage));
  }

  /** Resolves on `release`; rejects with the signal's reason when it aborts first. */
  private waitForRelease(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiting = this.waiting.filter((resume) => resume !== resumeOnce);
        reject(signal?.reason);
      };
      const resumeOnce = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiting.push(resumeOnce);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private removePod(key: string, instance: Instance): void {
    this.pods.delete(key);
    this.podSpecs.delete(key);
    this.emit({ type: 'deleted', instance: { ...instance, status: { type: 'terminating', description: '' } } });
  }

  private emit(event: InstanceEvent): void {
    for (const watch of this.watches) if (watch.schedulerName === event.instance.schedulerId) this.deliver(watch, event);
  }

  /** Queues the event behind the watch's previous one; nothing is handed on once the watch stopped. */
  private deliver(watch: Watch, event: InstanceEvent): void {
    const copy = structuredClone(event);
    watch.delivery = watch.delivery
      .then(() => (watch.stopped ? undefined : watch.onEvent(copy)))
      .catch((error: unknown) => void this.listenerErrors.push(error));
  }
}
