import { ignoreNotFound } from '../../../errors/domain-error';
import type { Instance } from '../../../entities/instance';
import { isAutoscalingEnabled, type Scheduler } from '../../../entities/scheduler';
import { Autoscaler } from '../../../policies/autoscaling/autoscaler';
import { isMajorChange } from '../../../versioning/major-change';
import type { ExecutionContext, ExecutionResult, OperationExecutor } from '../../operation-executor';
import { DEFAULT_ADD_ROOMS_LIMIT, DEFAULT_REMOVE_ROOMS_LIMIT, type ExecutorOptions, type ExecutorPorts } from '../../executor-ports';
import { recordRoomSample } from '../../../services/room-sampling';
import { addRoomsDefinition } from '../../rooms/add-rooms/add-rooms.definition';
import { removeRoomsDefinition } from '../../rooms/remove-rooms/remove-rooms.definition';
import type { RoomSample } from '../../../ports/room-samples.port';
import { recordDecision } from './decision-recording';
import { readPolicyInputs } from './policy-inputs';
import { healthControllerDefinition, type HealthControllerInput } from './health-controller.definition';
import { abortRollingUpdateDefinition } from '../../scheduler/abort-rolling-update/abort-rolling-update.definition';
import { checkRollout, type FailingRoom, type WatchedRoom } from './rollout-watch';
import { decideScale, type ScaleDecision } from './scale-decision';

/** A room counted as available; its version is unknown when neither its record nor its pod says it. */
interface AvailableRoom extends WatchedRoom {
  id: string;
}

interface Classified {
  available: AvailableRoom[];
  expired: string[];
  /** Rooms in error, never ready or silent: what the watch of a rolling update counts. */
  failing: FailingRoom[];
}

/**
 * health_controller (operations.md 8.7 and 9): drops inconsistent records, replaces expired rooms,
 * and brings the number of available rooms to the desired one (roomsReplicas or autoscaling, plus
 * the surge of a rolling update), enqueueing priority add/remove operations.
 */
export class HealthControllerExecutor implements OperationExecutor<HealthControllerInput> {
  readonly name = healthControllerDefinition.name;

  constructor(
    private readonly ports: Pick<
      ExecutorPorts,
      'schedulers' | 'rooms' | 'instances' | 'operations' | 'clock' | 'lookup' | 'roomSamples' | 'autoscalingDecisions' | 'allocations' | 'scalingWebhook'
    >,
    private readonly options: Pick<ExecutorOptions, 'roomInitializationTimeoutMs' | 'roomPingTimeoutMs' | 'roomDeletionTimeoutMs'> &
      Partial<Pick<ExecutorOptions, 'addRoomsLimit' | 'removeRoomsLimit'>>,
  ) {}

  async execute(context: ExecutionContext<HealthControllerInput>): Promise<ExecutionResult<HealthControllerInput>> {
    const name = context.operation.schedulerName;
    const [roomIds, instances, stored] = await Promise.all([
      this.ports.rooms.getAllRoomIds(name),
      this.ports.instances.getAllInstances(name),
      this.ports.schedulers.getScheduler(name),
    ]);
    const consistent = await this.dropInconsistent(name, roomIds, instances);
    const sample = await recordRoomSample(this.ports, name, context.logger);
    const classified = await this.classify(name, consistent);
    const { available, expired } = classified;
    let tookAction = false;
    const { operations } = this.ports;

    if (expired.length > 0) {
      tookAction = true;
      try {
        const { id } = await operations.createPriorityOperation(name, removeRoomsDefinition, { amount: 0, rooms_ids: expired, reason: 'expired_room' });
        await context.appendHistory(`created operation (id: ${id}) to remove expired ${expired.length} rooms.`);
      } catch (error) {
        context.logger.warn('failed to enqueue removal of expired rooms', { error: String(error) });
      }
    }

    const { scheduler, aborting } = await this.watchRollout(stored, classified, context);
    if (aborting) return { input: { took_action: true } };

    const decision = await this.decide(scheduler, available, sample, context);
    let operationId: string | null = null;
    if (decision.action.kind === 'remove') {
      const reason = decision.rolling ? 'rolling_update_replace' : 'scale_down';
      const { amount } = decision.action;
      ({ id: operationId } = await operations.createPriorityOperation(name, removeRoomsDefinition, { amount, rooms_ids: null, reason }));
      await context.appendHistory(`created operation (id: ${operationId}) to remove ${amount} rooms.`);
      tookAction = true;
    } else if (decision.action.kind === 'add') {
      const { amount } = decision.action;
      ({ id: operationId } = await operations.createPriorityOperation(name, addRoomsDefinition, { amount }));
      await context.appendHistory(`created operation (id: ${operationId}) to add ${amount} rooms.`);
      tookAction = true;
    }
    await recordDecision(this.ports, context, { scheduler, decision, sample, operationId, caps: this.caps() });
    return { input: { took_action: tookAction }, noAction: !tookAction };
  }

  async rollback(): Promise<void> {
    // Nothing to undo: the enqueued operations stand on their own.
  }

  /** Rooms without instance and instances without room are removed from both stores. */
  private async dropInconsistent(name: string, roomIds: string[], instances: Instance[]): Promise<Map<string, Instance>> {
    const byId = new Map(instances.map((i) => [i.id, i]));
    const rooms = new Set(roomIds);
    for (const id of new Set([...roomIds, ...byId.keys()])) {
      if (rooms.has(id) && byId.has(id)) continue;
      await this.ports.rooms.deleteRoom(name, id).catch(ignoreNotFound);
      await this.ports.instances.deleteInstance(name, id).catch(ignoreNotFound);
      byId.delete(id);
    }
    return byId;
  }

  private async classify(name: string, instances: Map<string, Instance>): Promise<Classified> {
    const now = this.ports.clock.now().getTime();
    const { roomInitializationTimeoutMs, roomPingTimeoutMs, roomDeletionTimeoutMs } = this.options;
    const result: Classified = { available: [], expired: [], failing: [] };
    // Rooms of an instance of unknown status count for nothing and are not read; the others are
    // read at once (one batched read, not a round trip per room).
    const known = [...instances.values()].filter((instance) => instance.status.type !== 'unknown');
    const ids = known.map((instance) => instance.id);
    const rooms = await this.ports.rooms.findRooms(name, ids);
    for (const [i, instance] of known.entries()) {
      const { id } = instance;
      const room = rooms[i];
      const version = room?.version ?? instance.version;
      const fail = (cause: string) => result.failing.push({ id, version, description: describeFailure(cause, instance) });
      // A pending instance is available whatever its record says (Maestro does not read it here);
      // the version, when readable, still counts for the rolling update.
      if (instance.status.type === 'pending') {
        result.available.push({ id, version, status: 'pending' });
        if (room && now - room.createdAt.getTime() > roomInitializationTimeoutMs) fail(`pod not started within ${seconds(roomInitializationTimeoutMs)}`);
        continue;
      }
      if (!room) continue;
      const sinceCreated = now - room.createdAt.getTime();
      const sincePing = now - room.lastPingAt.getTime();
      const neverReady = (room.status === 'pending' || room.status === 'unready') && sinceCreated > roomInitializationTimeoutMs;
      const silent = room.status !== 'pending' && sincePing > roomPingTimeoutMs;
      const leaving = room.status === 'terminating' || room.status === 'terminated';
      if (neverReady) fail(`not ready within ${seconds(roomInitializationTimeoutMs)} (status ${room.status})`);
      else if (silent && !leaving) fail(`no ping for ${seconds(roomPingTimeoutMs)} (status ${room.status})`);
      else if (room.status === 'error') fail('status error');
      if (neverReady || silent || (room.status === 'terminating' && sincePing > roomDeletionTimeoutMs) || room.status === 'terminated') {
        result.expired.push(id);
      } else if (!leaving && room.status !== 'error') {
        result.available.push({ id, version: room.version, status: room.status });
      }
    }
    return result;
  }

  /**
   * The watch of a rolling update (rollout-watch.ts): counts the failed rooms of the new version,
   * enqueues abort_rolling_update when they reach the threshold (this run then scales nothing),
   * ends the watch when the update is over. Answers the scheduler with the watch as saved.
   */
  private async watchRollout(
    scheduler: Scheduler,
    classified: Classified,
    context: ExecutionContext<HealthControllerInput>,
  ): Promise<{ scheduler: Scheduler; aborting: boolean }> {
    const { rollout } = scheduler;
    if (!rollout) return { scheduler, aborting: false };
    if (rollout.version !== scheduler.spec.version) return { scheduler: await this.saveRollout(scheduler, undefined, context), aborting: false };
    const check = checkRollout({
      watch: rollout,
      threshold: scheduler.rollbackThreshold,
      available: classified.available,
      failing: classified.failing,
      now: this.ports.clock.now(),
      settleMs: this.options.roomInitializationTimeoutMs,
    });
    if (check.verdict === 'abort') {
      const saved = check.changed ? await this.saveRollout(scheduler, check.watch, context) : scheduler;
      const { id } = await this.ports.operations.createPriorityOperation(scheduler.name, abortRollingUpdateDefinition, {
        version: rollout.version,
        rollbackVersion: rollout.previousVersion,
        threshold: check.thresholdRooms ?? 0,
        failedRooms: check.watch.failedRooms,
      });
      await context.appendHistory(
        `${check.watch.failedRooms.length} rooms of version ${rollout.version} failed: created operation (id: ${id}) to roll back to version ${rollout.previousVersion}.`,
      );
      return { scheduler: saved, aborting: true };
    }
    if (check.verdict === 'complete') return { scheduler: await this.saveRollout(scheduler, undefined, context), aborting: false };
    return { scheduler: check.changed ? await this.saveRollout(scheduler, check.watch, context) : scheduler, aborting: false };
  }

  /** Saves the watch (none: the watch ends); a failed write is logged and retried by the next run. */
  private async saveRollout(scheduler: Scheduler, rollout: Scheduler['rollout'], context: ExecutionContext<HealthControllerInput>): Promise<Scheduler> {
    const updated = { ...scheduler, rollout };
    try {
      await this.ports.schedulers.updateScheduler(updated);
      return updated;
    } catch (error) {
      context.logger.warn('failed to save the rollout watch', { error: String(error) });
      return scheduler;
    }
  }

  /** Reads what the policy needs and decides (scale-decision.ts); saves the downscale time for the cooldown. */
  private async decide(
    scheduler: Scheduler,
    available: AvailableRoom[],
    sample: RoomSample | undefined,
    context: ExecutionContext<HealthControllerInput>,
  ): Promise<ScaleDecision & { rolling: boolean }> {
    const fleet = isAutoscalingEnabled(scheduler) ? await new Autoscaler(this.ports.rooms).fleetState(scheduler) : undefined;
    const inputs = await readPolicyInputs(this.ports, scheduler, { sample, current: available.length }, context.logger);
    const rolling = await this.isRollingUpdate(scheduler, available);
    const oldVersionRooms = available.filter((room) => room.version !== undefined && room.version !== scheduler.spec.version).length;
    const now = this.ports.clock.now();
    const decision = decideScale({ scheduler, fleet, available: available.length, rolling, oldVersionRooms, now, caps: this.caps(), inputs });
    if (decision.downscales) {
      await this.ports.schedulers
        .updateScheduler({ ...scheduler, lastDownscaleAt: now })
        .catch((error: unknown) => context.logger.warn('failed to save the downscale time', { error: String(error) }));
    }
    return { ...decision, rolling };
  }

  /** The add_rooms / remove_rooms executors' caps (their defaults when not configured). */
  private caps(): { add: number; remove: number } {
    const { addRoomsLimit = 0, removeRoomsLimit = 0 } = this.options;
    return { add: addRoomsLimit > 0 ? addRoomsLimit : DEFAULT_ADD_ROOMS_LIMIT, remove: removeRoomsLimit > 0 ? removeRoomsLimit : DEFAULT_REMOVE_ROOMS_LIMIT };
  }

  /** A rolling update is in progress while an available room runs a configuration of another major. */
  private async isRollingUpdate(scheduler: Scheduler, available: AvailableRoom[]): Promise<boolean> {
    const versions = new Set(available.flatMap((room) => (room.version === undefined || room.version === scheduler.spec.version ? [] : [room.version])));
    for (const version of versions) {
      const old = await this.ports.schedulers.findSchedulerWithVersion(scheduler.name, version);
      if (old && isMajorChange(old, scheduler)) return true;
    }
    return false;
  }
}

/** The cause of a room's failure with its pod's last status and description. */
function describeFailure(cause: string, instance: Instance): string {
  const { type, description } = instance.status;
  return description ? `${cause}; pod ${type}: ${description}` : `${cause}; pod ${type}`;
}

const seconds = (ms: number): string => `${Math.round(ms / 1000)}s`;
