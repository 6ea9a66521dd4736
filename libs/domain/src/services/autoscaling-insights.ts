import { InvalidArgumentError } from '../errors/domain-error';
import type { AutoscalingDecision, AutoscalingDecisions } from '../ports/autoscaling-decisions.port';
import type { SchedulerStorage } from '../ports/scheduler-storage.port';

/** Decisions answered when the caller names no limit, and the most it may ask for. */
export const DECISIONS_DEFAULT_LIMIT = 20;
export const DECISIONS_MAX_LIMIT = 1000;

/** Reads of the autoscaling for people tuning it: the decisions of the health controller, explained. */
export class AutoscalingInsights {
  constructor(
    private readonly ports: {
      schedulers: Pick<SchedulerStorage, 'getScheduler'>;
      autoscalingDecisions: AutoscalingDecisions;
    },
  ) {}

  /**
   * The scheduler's `limit` most recent decisions, newest first. Throws NotFoundError for an unknown
   * scheduler and InvalidArgumentError naming `limit` outside 1..1000.
   */
  async decisions(schedulerName: string, limit = DECISIONS_DEFAULT_LIMIT): Promise<AutoscalingDecision[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > DECISIONS_MAX_LIMIT) {
      const message = `limit must be an integer between 1 and ${DECISIONS_MAX_LIMIT}`;
      throw new InvalidArgumentError(message, [{ path: 'limit', message }]);
    }
    await this.ports.schedulers.getScheduler(schedulerName);
    return this.ports.autoscalingDecisions.list(schedulerName, limit);
  }
}
