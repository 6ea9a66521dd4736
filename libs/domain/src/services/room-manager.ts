import type { GameRoom, RoomRemovalReason } from '../entities/game-room';
import type { Instance } from '../entities/instance';
import type { Scheduler, SchedulerSpec } from '../entities/scheduler';
import { ignoreNotFound, isNotFound } from '../errors/domain-error';
import type { Clock } from '../ports/clock.port';
import type { InstanceStorage } from '../ports/instance-storage.port';
import type { Logger } from '../ports/logger.port';
import type { PortAllocator } from '../ports/port-allocator.port';
import type { RoomStorage } from '../ports/room-storage.port';
import type { Runtime } from '../ports/runtime.port';
import { LogField } from '../logging/log-fields';

export interface RoomManagerPorts {
  rooms: RoomStorage;
  instances: InstanceStorage;
  runtime: Runtime;
  portAllocator: PortAllocator;
  clock: Clock;
  logger: Logger;
}

/**
 * Called after a room was marked terminating (events forwarding of the "terminated" status), with the
 * room's stored metadata when the deleting caller read it (remove_rooms by amount).
 */
export type RoomTerminatedListener = (
  scheduler: Scheduler,
  roomId: string,
  instance: Instance,
  storedMetadata?: Record<string, unknown> | null,
) => Promise<void>;

/** Creates and deletes game rooms: Redis records, pods and instances kept consistent. */
export class RoomManager {
  constructor(
    private readonly ports: RoomManagerPorts,
    private readonly onTerminated: RoomTerminatedListener = async () => undefined,
  ) {}

  /**
   * Creates one room of the scheduler: its record (`pending`), host ports, the pod and the instance.
   * A pod that cannot be created removes the room record again. `signal` aborts the creation: no
   * further step starts, the pod creation in flight is aborted (the runtime leaves no pod), and the
   * room record already written is removed before the call rejects with `signal.reason`.
   */
  async createRoom(scheduler: Scheduler, options: { isValidationRoom?: boolean; signal?: AbortSignal } = {}): Promise<{ room: GameRoom; instance: Instance }> {
    const { signal } = options;
    signal?.throwIfAborted();
    const now = this.ports.clock.now();
    const room: GameRoom = {
      id: this.ports.runtime.createGameRoomName(scheduler),
      schedulerId: scheduler.name,
      version: scheduler.spec.version,
      status: 'pending',
      pingStatus: 'unknown',
      metadata: null,
      lastPingAt: now,
      isValidationRoom: options.isValidationRoom ?? false,
      runningMatches: 0,
      createdAt: now,
    };
    await this.ports.rooms.createRoom(room);
    if (signal?.aborted) {
      await this.removeRecordOfUncreatedPod(scheduler.name, room.id);
      throw signal.reason;
    }
    const spec = this.withHostPorts(scheduler);
    let instance: Instance;
    try {
      instance = await this.ports.runtime.createGameRoomInstance(scheduler, room.id, spec, { signal });
    } catch (error) {
      await this.removeRecordOfUncreatedPod(scheduler.name, room.id);
      throw error;
    }
    await this.ports.instances.upsertInstance(instance);
    return { room, instance };
  }

  /**
   * Deletes a room: the pod goes (graceful), the room becomes `terminating` and listeners hear of it
   * (only when this write made it terminating: the "terminated" event goes out once per room);
   * records are removed when the runtime watcher sees the pod gone. A room without instance or pod
   * is cleaned up at once. `storedMetadata` (the room as the caller read it) goes to the listeners.
   */
  async deleteRoom(scheduler: Scheduler, roomId: string, reason: RoomRemovalReason, storedMetadata?: Record<string, unknown> | null): Promise<void> {
    let instance: Instance;
    try {
      instance = await this.ports.instances.getInstance(scheduler.name, roomId);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.cleanRoomRecords(scheduler.name, roomId);
      return;
    }
    try {
      await this.ports.runtime.deleteGameRoomInstance(instance, reason);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.cleanRoomRecords(scheduler.name, roomId);
      await this.ports.instances.deleteInstance(scheduler.name, roomId).catch(ignoreNotFound);
      return;
    }
    try {
      await this.ports.rooms.updateRoomStatus(scheduler.name, roomId, 'terminating');
    } catch (error) {
      // A missing room, or one already terminating, is fine here; whoever removed it or made it
      // terminating announced its termination (RoomStatusService), so the listeners are not told twice.
      if (!isNotFound(error)) throw error;
      return;
    }
    await this.onTerminated(scheduler, roomId, instance, storedMetadata);
  }

  /** A copy of the scheduler's spec whose ports carry freshly allocated host ports. */
  private withHostPorts(scheduler: Scheduler): SchedulerSpec {
    const ports = scheduler.spec.containers.flatMap((c) => c.ports);
    const fromRange = scheduler.portRange ? this.ports.portAllocator.allocate(scheduler.portRange, ports.length) : [];
    let next = 0;
    return {
      ...scheduler.spec,
      containers: scheduler.spec.containers.map((container) => ({
        ...container,
        ports: container.ports.map((port) => ({
          ...port,
          hostPort: scheduler.portRange ? fromRange[next++] : this.ports.portAllocator.allocate(port.hostPortRange, 1)[0],
        })),
      })),
    };
  }

  /** Removes the record of a room whose pod was not created (or was removed again); failures are logged. */
  private async removeRecordOfUncreatedPod(schedulerName: string, roomId: string): Promise<void> {
    await this.ports.rooms.deleteRoom(schedulerName, roomId).catch((cause: unknown) =>
      this.ports.logger.warn('failed to remove the room of a pod that was not created', {
        [LogField.RoomId]: roomId,
        [LogField.Error]: String(cause),
      }),
    );
  }

  private async cleanRoomRecords(schedulerName: string, roomId: string): Promise<void> {
    await this.ports.rooms.deleteRoom(schedulerName, roomId).catch((cause: unknown) => {
      if (!isNotFound(cause)) {
        this.ports.logger.warn('failed to remove room records', { [LogField.RoomId]: roomId, [LogField.Error]: String(cause) });
      }
    });
  }
}
