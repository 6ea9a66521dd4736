import {
  AlreadyExistsError,
  type CreateInstanceOptions,
  type Instance,
  type InstanceEvent,
  type InstanceWatcher,
  NotFoundError,
  type RoomRemovalReason,
  type Runtime,
  type Scheduler,
  type SchedulerSpec,
} from '@maestro/domain';

type Listener = (event: InstanceEvent) => Promise<void> | void;

/**
 * The Runtime port in memory, for unit tests: namespaces and pods are maps. A slow cluster is played
 * with `holdCreations` (a creation waits before its pod lands) or `holdAnswers` (the pod lands, the
 * answer waits), until `release`. It honours the creation's abort signal like KubernetesRuntime: no
 * pod lands once aborted, and a pod that landed before the answer is deleted before the rejection.
 */
export class InMemoryRuntime implements Runtime {
  readonly namespaces = new Set<string>();
  /** Pods by `<scheduler>/<room id>`. */
  readonly pods = new Map<string, Instance>();
  readonly deletions: { roomId: string; reason: RoomRemovalReason }[] = [];
  readonly budgets = new Map<string, { roomAmount: number; safetyPercentage: number }>();
  private hold: 'none' | 'creations' | 'answers' = 'none';
  private waiting: (() => void)[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  /** What watch listeners threw (a test can assert there is nothing). */
  readonly listenerErrors: unknown[] = [];
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

  async createScheduler(scheduler: Scheduler): Promise<void> {
    if (this.namespaces.has(scheduler.name)) throw new AlreadyExistsError(`scheduler '${scheduler.name}' already exists`);
    this.namespaces.add(scheduler.name);
  }

  async deleteScheduler(scheduler: Scheduler): Promise<void> {
    if (!this.namespaces.delete(scheduler.name)) throw new NotFoundError(`scheduler '${scheduler.name}' not found`);
    for (const [key, instance] of this.pods) if (instance.schedulerId === scheduler.name) this.removePod(key, instance);
  }

  async createGameRoomInstance(scheduler: Scheduler, roomId: string, _spec: SchedulerSpec, options: CreateInstanceOptions = {}): Promise<Instance> {
    const { signal } = options;
    signal?.throwIfAborted();
    if (this.hold === 'creations') await this.waitForRelease(signal);
    const key = `${scheduler.name}/${roomId}`;
    if (this.pods.has(key)) throw new AlreadyExistsError(`error creating game room ${roomId}: pods "${roomId}" already exists`);
    const instance: Instance = { id: roomId, schedulerId: scheduler.name, status: { type: 'pending', description: '' }, resourceVersion: String(this.nextVersion++) };
    this.pods.set(key, instance);
    this.emit({ type: 'added', instance });
    if (this.hold === 'answers') {
      try {
        await this.waitForRelease(signal);
      } catch (reason) {
        this.removePod(key, instance);
        throw reason;
      }
    }
    return instance;
  }

  async deleteGameRoomInstance(instance: Instance, reason: RoomRemovalReason): Promise<void> {
    const key = `${instance.schedulerId}/${instance.id}`;
    const stored = this.pods.get(key);
    if (!stored) throw new NotFoundError(`game room ${instance.id} not found`);
    this.deletions.push({ roomId: instance.id, reason });
    this.removePod(key, stored);
  }

  createGameRoomName(scheduler: Scheduler): string {
    return `${scheduler.name}-${(this.nextName++).toString(36).padStart(5, '0')}`;
  }

  async watchGameRoomInstances(scheduler: Scheduler, onEvent: Listener): Promise<InstanceWatcher> {
    for (const instance of this.pods.values()) if (instance.schedulerId === scheduler.name) await onEvent({ type: 'added', instance });
    const listeners = this.listeners.get(scheduler.name) ?? new Set<Listener>();
    this.listeners.set(scheduler.name, listeners.add(onEvent));
    return { stop: async () => void listeners.delete(onEvent) };
  }

  async mitigateDisruption(scheduler: Scheduler, roomAmount: number, safetyPercentage: number): Promise<void> {
    this.budgets.set(scheduler.name, { roomAmount, safetyPercentage });
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
    this.emit({ type: 'deleted', instance: { ...instance, status: { type: 'terminating', description: '' } } });
  }

  private emit(event: InstanceEvent): void {
    for (const listener of this.listeners.get(event.instance.schedulerId) ?? []) {
      Promise.resolve()
        .then(() => listener(event))
        .catch((error: unknown) => this.listenerErrors.push(error));
    }
  }
}
