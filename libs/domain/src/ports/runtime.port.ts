import type { Instance } from '../entities/instance';
import type { RoomRemovalReason } from '../entities/game-room';
import type { Scheduler, SchedulerSpec } from '../entities/scheduler';

export const RUNTIME = Symbol('Runtime');

export type InstanceEventType = 'added' | 'updated' | 'deleted';

export interface InstanceEvent {
  type: InstanceEventType;
  instance: Instance;
}

/** A running watch of one scheduler's instances. */
export interface InstanceWatcher {
  /** Ends the watch; no events are delivered after it resolves. */
  stop(): Promise<void>;
  /**
   * Delivers every instance the watch holds again (as `added`, in their current state), in order
   * with the other events; resolves once they were handled. Rebuilds what a store lost.
   */
  redeliver(): Promise<void>;
}

/** Options of a room's instance creation. */
export interface CreateInstanceOptions {
  /**
   * Aborts the creation: no further attempt starts, a request in flight is aborted, and the call
   * rejects with `signal.reason`. An aborted creation leaves no instance behind: one that may already
   * have been created is deleted before the call rejects. A creation that resolves resolved before
   * its signal aborted.
   */
  signal?: AbortSignal;
}

/** The infrastructure that runs game rooms (Kubernetes: namespaces and pods). */
export interface Runtime {
  /** Creates the scheduler's namespace and its disruption budget (minAvailable 0). Throws AlreadyExistsError. */
  createScheduler(scheduler: Scheduler): Promise<void>;
  /**
   * Deletes the disruption budget, the namespace and everything in it; the namespace and its pods
   * may take a while to go, and deleting it again meanwhile is no error. Throws NotFoundError
   * (`scheduler '<name>' not found`) once it is gone.
   */
  deleteScheduler(scheduler: Scheduler): Promise<void>;
  /**
   * Creates the pod of a room from `spec`, whose ports already carry allocated host ports.
   * Returns the instance as created (`pending`, no address yet). Throws AlreadyExistsError when the
   * pod exists, InvalidArgumentError on a spec or room name the cluster rejects.
   */
  createGameRoomInstance(scheduler: Scheduler, roomId: string, spec: SchedulerSpec, options?: CreateInstanceOptions): Promise<Instance>;
  /**
   * Records an event with `reason` on the pod, then deletes it (gracefully: it may take a while to
   * go, and deleting it again meanwhile is no error). Throws NotFoundError (`game room <id> not
   * found`) once the pod is gone.
   */
  deleteGameRoomInstance(instance: Instance, reason: RoomRemovalReason): Promise<void>;
  /** A fresh room name: the scheduler name (at most 58 chars), `-`, 5 random characters. */
  createGameRoomName(scheduler: Scheduler): string;
  /**
   * Watches the scheduler's pods (its own only) and calls `onEvent` for each change, one at a time in
   * order: the next call waits for the promise of the previous one. Recovers from dropped watches and
   * failed lists on its own. Resolves once the pods that exist have been delivered (as `added`); a
   * failing first list is retried until it succeeds, and when `options.signal` aborts first the watch
   * is stopped and the call rejects with the signal's reason.
   */
  watchGameRoomInstances(
    scheduler: Scheduler,
    onEvent: (event: InstanceEvent) => Promise<void> | void,
    options?: { signal?: AbortSignal },
  ): Promise<InstanceWatcher>;
  /**
   * Applies the disruption budget: minAvailable = floor(roomAmount × (1 − safetyPercentage)), a
   * safety outside [0.05, 1) counting as 0.05, and 0 below two rooms.
   */
  mitigateDisruption(scheduler: Scheduler, roomAmount: number, safetyPercentage: number): Promise<void>;
}
