import type { RolloutWatch, Scheduler } from '../../../entities/scheduler';
import { messageOf } from '../../../errors/message-of';
import { isMajorChange } from '../../../versioning/major-change';
import type { ExecutionContext, OperationExecutor } from '../../operation-executor';
import type { ExecutorPorts } from '../../executor-ports';
import { switchActiveVersionDefinition, type SwitchActiveVersionInput } from './switch-active-version.definition';

/**
 * switch_active_version: the version's configuration becomes the active one; no pod is touched.
 * Not in Maestro: a switch to a major version starts the watch of its rolling update (the health
 * controller's rollout-watch.ts); a minor switch keeps the watch under way.
 */
export class SwitchActiveVersionExecutor implements OperationExecutor<SwitchActiveVersionInput> {
  readonly name = switchActiveVersionDefinition.name;

  constructor(private readonly ports: Pick<ExecutorPorts, 'schedulers' | 'lookup' | 'rooms' | 'clock'>) {}

  async execute(context: ExecutionContext<SwitchActiveVersionInput>): Promise<void> {
    const { schedulerName } = context.operation;
    const version = context.input.newActiveVersion;
    let target;
    try {
      target = await this.ports.schedulers.getSchedulerWithVersion(schedulerName, version);
    } catch (error) {
      await context.appendHistory(`error fetching scheduler version to be switched to: ${messageOf(error)}`);
      throw error;
    }
    try {
      const rollout = await this.rolloutOf(schedulerName, target);
      await this.ports.schedulers.updateScheduler({ ...target, state: 'in-sync', rollout });
      await this.ports.lookup.invalidate(schedulerName);
    } catch (error) {
      await context.appendHistory(`error updating scheduler with new active version: ${messageOf(error)}`);
      throw error;
    }
  }

  /** The watch of the rolling update that switching to `target` starts or continues; none for a minor switch. */
  private async rolloutOf(schedulerName: string, target: Scheduler): Promise<RolloutWatch | undefined> {
    const active = await this.ports.schedulers.getScheduler(schedulerName);
    if (active.spec.version === target.spec.version) return active.rollout;
    if (!isMajorChange(active, target)) {
      return active.rollout?.version === active.spec.version ? { ...active.rollout, version: target.spec.version } : undefined;
    }
    return {
      version: target.spec.version,
      previousVersion: active.spec.version,
      startedAt: this.ports.clock.now(),
      fleetSize: await this.ports.rooms.getRoomCount(schedulerName),
      failedRooms: [],
    };
  }

  async rollback(): Promise<void> {
    // Nothing to undo: the switch is one write.
  }
}
