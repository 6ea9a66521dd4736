import type { Scheduler } from '../../../entities/scheduler';
import { messageOf } from '../../../errors/message-of';
import { validateScheduler } from '../../../validation';
import { isMajorChange } from '../../../versioning/major-change';
import { nextVersion } from '../../../versioning/semantic-version';
import type { ExecutionContext, OperationExecutor } from '../../operation-executor';
import { sleep } from '../../../async/sleep';
import type { ExecutorOptions, ExecutorPorts } from '../../executor-ports';
import { switchActiveVersionDefinition } from '../switch-active-version/switch-active-version.definition';
import { createNewSchedulerVersionDefinition, type CreateNewSchedulerVersionInput } from './create-new-scheduler-version.definition';
import { validateWithRoom } from './validation-room';

/**
 * create_new_scheduler_version: decides major or minor, numbers the version, proves a major
 * version with a validation room, stores the version and enqueues the switch (operations.md 8.2).
 */
export class CreateNewSchedulerVersionExecutor implements OperationExecutor<CreateNewSchedulerVersionInput> {
  readonly name = createNewSchedulerVersionDefinition.name;
  /** Validation rooms in flight, per operation, for the rollback. */
  private readonly validationRooms = new Map<string, { scheduler: Scheduler; roomId: string }>();

  constructor(
    private readonly ports: Pick<ExecutorPorts, 'schedulers' | 'lookup' | 'rooms' | 'instances' | 'roomManager' | 'operations'>,
    private readonly options: Pick<ExecutorOptions, 'validationTimeoutMs' | 'validationAttempts' | 'validationAcceptOccupied'>,
  ) {}

  async execute(context: ExecutionContext<CreateNewSchedulerVersionInput>): Promise<void> {
    const candidate = context.input.scheduler;
    const active = await this.ports.lookup.get(candidate.name);
    await this.setState(active, 'creating');
    const major = isMajorChange(active, candidate);
    const versions = (await this.ports.schedulers.listSchedulerVersions(active.name)).map((v) => v.version);
    const version = nextVersion(active.spec.version, versions, major);
    const next: Scheduler = { ...candidate, game: active.game, rollbackVersion: active.spec.version, spec: { ...candidate.spec, version }, rollout: undefined };
    if (major) {
      await context.appendHistory('Major version detected, starting game room validation process...');
      const attempts = Math.max(1, this.options.validationAttempts);
      let validated = false;
      for (let attempt = 1; attempt <= attempts && !validated; attempt++) {
        if (attempt > 1) await sleep(100 + Math.random() * 200, context.signal);
        const outcome = await validateWithRoom(next, attempt, context, this.ports, this.options, (roomId) =>
          roomId ? this.validationRooms.set(context.operation.id, { scheduler: next, roomId }) : this.validationRooms.delete(context.operation.id),
        );
        await context.appendHistory(outcome.history);
        validated = outcome.success;
      }
      if (!validated) {
        await context.appendHistory('All validation attempts have failed, operation aborted!');
        throw new Error('all validation attempts have failed');
      }
    }
    validateScheduler(next, { autoscalingFirst: false });
    let switchId = '';
    try {
      await this.ports.schedulers.createSchedulerVersion(next, async () => {
        switchId = (await this.ports.operations.createOperation(next.name, switchActiveVersionDefinition, { newActiveVersion: version })).id;
      });
    } catch (error) {
      throw new Error(`error creating new scheduler version in db: ${messageOf(error)}`, { cause: error });
    }
    await context.appendHistory(`enqueued switch active version operation with id: ${switchId}`);
  }

  async rollback(context: ExecutionContext<CreateNewSchedulerVersionInput>): Promise<void> {
    const pending = this.validationRooms.get(context.operation.id);
    if (pending) {
      this.validationRooms.delete(context.operation.id);
      await this.ports.roomManager.deleteRoom(pending.scheduler, pending.roomId, 'new_version_rollback');
    }
    await this.setState(await this.ports.lookup.get(context.operation.schedulerName), 'in-sync');
  }

  private async setState(scheduler: Scheduler, state: Scheduler['state']): Promise<void> {
    const stored = await this.ports.schedulers.getScheduler(scheduler.name);
    await this.ports.schedulers.updateScheduler({ ...stored, state });
    await this.ports.lookup.invalidate(scheduler.name);
  }
}
