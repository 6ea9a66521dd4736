import type { Scheduler, SchedulerFilter, SchedulerInfo, SchedulerVersion } from '../entities/scheduler';
import type { Operation } from '../entities/operation';
import type { RoomStatus } from '../entities/game-room';
import { AlreadyExistsError, ConflictError, InvalidArgumentError, NotFoundError, isNotFound } from '../errors/domain-error';
import { addRoomsDefinition } from '../operations/rooms/add-rooms/add-rooms.definition';
import { removeRoomsDefinition } from '../operations/rooms/remove-rooms/remove-rooms.definition';
import { createNewSchedulerVersionDefinition } from '../operations/scheduler/create-new-scheduler-version/create-new-scheduler-version.definition';
import { createSchedulerDefinition } from '../operations/scheduler/create-scheduler/create-scheduler.definition';
import { deleteSchedulerDefinition } from '../operations/scheduler/delete-scheduler/delete-scheduler.definition';
import { switchActiveVersionDefinition } from '../operations/scheduler/switch-active-version/switch-active-version.definition';
import type { RoomStorage } from '../ports/room-storage.port';
import type { SchedulerCache } from '../ports/scheduler-cache.port';
import type { SchedulerStorage } from '../ports/scheduler-storage.port';
import { applySchedulerPatch, isEmptyPatch, type SchedulerPatch } from '../patch';
import { type ForwarderAddressPolicy, validatePatchedScheduler, validateScheduler } from '../validation';
import type { OperationManager } from './operation-manager';

export interface SchedulerManagerPorts {
  storage: SchedulerStorage;
  cache: SchedulerCache;
  rooms: RoomStorage;
  operations: OperationManager;
}

export interface SchedulerManagerOptions {
  /** Where forwarders may connect (`adapters.grpc.allowedAddresses`); anywhere when absent. */
  forwarderAddresses?: ForwarderAddressPolicy;
}

const INFO_STATUSES: readonly RoomStatus[] = ['ready', 'occupied', 'pending', 'terminating'];

/** Scheduler use cases of the management API: every change becomes an operation. */
export class SchedulerManager {
  constructor(
    private readonly ports: SchedulerManagerPorts,
    private readonly options: SchedulerManagerOptions = {},
  ) {}

  /** Validates and stores a new scheduler (state `creating`) and enqueues `create_scheduler`. */
  async createScheduler(scheduler: Scheduler): Promise<{ scheduler: Scheduler; operation: Operation }> {
    validateScheduler(scheduler, { forwarderAddresses: this.options.forwarderAddresses });
    await this.ports.storage.createScheduler(scheduler);
    const operation = await this.ports.operations.createOperation(scheduler.name, createSchedulerDefinition, { scheduler });
    return { scheduler: await this.ports.storage.getScheduler(scheduler.name), operation };
  }

  /** Enqueues a new version built from a full scheduler (POST /schedulers/{name}). */
  async createNewSchedulerVersion(candidate: Scheduler): Promise<Operation> {
    validateScheduler(candidate, { forwarderAddresses: this.options.forwarderAddresses });
    await this.ensureNoOngoingVersionOperation(candidate.name, 'cannot create new scheduler version');
    const active = await this.loadActiveForNewVersion(candidate.name);
    const next: Scheduler = {
      ...candidate,
      game: active.game,
      state: active.state,
      spec: { ...candidate.spec, version: active.spec.version },
      lastDownscaleAt: active.lastDownscaleAt,
    };
    return this.ports.operations.createOperation(next.name, createNewSchedulerVersionDefinition, { scheduler: next });
  }

  /** Enqueues a new version built from a partial scheduler (PATCH /schedulers/{name}). */
  async patchScheduler(name: string, patch: SchedulerPatch): Promise<Operation> {
    if (isEmptyPatch(patch)) {
      throw new AlreadyExistsError(`no change found to scheduler ${name}`);
    }
    await this.ensureNoOngoingVersionOperation(name, 'cannot patch scheduler');
    const active = await this.loadActiveForNewVersion(name);
    const patched = applySchedulerPatch(active, patch);
    // Maestro's message here is the raw validator text (management-api.md 4.6 step 5).
    validatePatchedScheduler(patched, this.options.forwarderAddresses);
    return this.ports.operations.createOperation(name, createNewSchedulerVersionDefinition, { scheduler: patched });
  }

  /**
   * Enqueues `switch_active_version` (the version is checked by the operation). Throws
   * NotFoundError for an unknown scheduler, where Maestro queues an operation no worker runs.
   */
  async switchActiveVersion(name: string, version: string): Promise<Operation> {
    await this.ensureNoOngoingVersionOperation(name, 'cannot switch active version');
    await this.requireStoredScheduler(name, 'no scheduler found, can not switch active version of nonexistent scheduler');
    return this.ports.operations.createOperation(name, switchActiveVersionDefinition, { newActiveVersion: version });
  }

  /** Enqueues `delete_scheduler`; throws NotFoundError for an unknown scheduler. */
  async deleteScheduler(name: string): Promise<Operation> {
    await this.requireStoredScheduler(name, 'no scheduler found, can not delete nonexistent scheduler');
    return this.ports.operations.createOperation(name, deleteSchedulerDefinition, {});
  }

  /** Enqueues `add_rooms` for an existing scheduler (Maestro's documented add-rooms route). */
  async addRooms(name: string, amount: number | undefined): Promise<Operation> {
    const rooms = requirePositiveAmount(amount);
    await this.requireScheduler(name);
    return this.ports.operations.createOperation(name, addRoomsDefinition, { amount: rooms });
  }

  /** Enqueues `remove_rooms` (deletion priority decides which rooms) for an existing scheduler. */
  async removeRooms(name: string, amount: number | undefined): Promise<Operation> {
    const rooms = requirePositiveAmount(amount);
    await this.requireScheduler(name);
    return this.ports.operations.createOperation(name, removeRoomsDefinition, { amount: rooms, rooms_ids: null, reason: 'scale_down' });
  }

  /** The active scheduler (cache first), or the scheduler as configured in `version`. */
  async getScheduler(name: string, version?: string): Promise<Scheduler> {
    if (version) return this.ports.storage.getSchedulerWithVersion(name, version);
    // The cache is an optimisation: unreachable, it is skipped and Postgres answers.
    const cached = await this.ports.cache.read(name).catch(() => undefined);
    return cached?.scheduler ?? this.ports.storage.getScheduler(name);
  }

  /** Schedulers matching the filter. */
  listSchedulers(filter: SchedulerFilter): Promise<Scheduler[]> {
    return this.ports.storage.listSchedulers(filter);
  }

  /** Every version of the scheduler, newest first; throws NotFoundError when there is none. */
  listSchedulerVersions(name: string): Promise<SchedulerVersion[]> {
    return this.ports.storage.listSchedulerVersions(name);
  }

  /** Room counters of every scheduler of the game (all schedulers without a game). */
  async getSchedulersInfo(game?: string): Promise<SchedulerInfo[]> {
    const schedulers = await this.ports.storage.listSchedulers(game ? { game } : {});
    return Promise.all(
      schedulers.map(async (scheduler) => {
        const [ready, occupied, pending, terminating] = await Promise.all(
          INFO_STATUSES.map((status) => this.ports.rooms.getRoomCountByStatus(scheduler.name, status)),
        );
        return {
          name: scheduler.name,
          game: scheduler.game,
          state: scheduler.state,
          roomsReplicas: scheduler.roomsReplicas,
          roomsReady: ready,
          roomsOccupied: occupied,
          roomsPending: pending,
          roomsTerminating: terminating,
          autoscaling: scheduler.autoscaling,
        };
      }),
    );
  }

  private async requireScheduler(name: string): Promise<Scheduler> {
    try {
      return await this.getScheduler(name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      throw new NotFoundError(`scheduler ${name} not found`, { cause: error });
    }
  }

  /**
   * Postgres, never the cache: a stale cached copy (e.g. of a scheduler whose creation was rolled
   * back) must not let a change through. Throws NotFoundError prefixed with `message`.
   */
  private async requireStoredScheduler(name: string, message: string): Promise<void> {
    try {
      await this.ports.storage.getScheduler(name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      throw new NotFoundError(`${message}: ${error.message}`, { cause: error });
    }
  }

  private async ensureNoOngoingVersionOperation(name: string, action: string): Promise<void> {
    const ongoing = await this.ports.operations.findOngoingVersionOperation(name);
    if (ongoing) {
      throw new ConflictError(`${action}: there is already an ongoing version operation (id: ${ongoing}) for scheduler ${name}`);
    }
  }

  private async loadActiveForNewVersion(name: string): Promise<Scheduler> {
    try {
      return await this.ports.storage.getScheduler(name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      throw new NotFoundError(`no scheduler found, can not create new version for inexistent scheduler: ${error.message}`, { cause: error });
    }
  }
}

function requirePositiveAmount(amount: number | undefined): number {
  if (amount === undefined || !Number.isInteger(amount) || amount < 1) {
    throw new InvalidArgumentError('amount: must be an integer greater than 0', [{ path: 'amount', message: 'must be an integer greater than 0' }]);
  }
  return amount;
}
