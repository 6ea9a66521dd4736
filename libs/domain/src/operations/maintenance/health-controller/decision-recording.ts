import type { Scheduler } from '../../../entities/scheduler';
import type { AutoscalingDecision, AutoscalingDecisions } from '../../../ports/autoscaling-decisions.port';
import type { Clock } from '../../../ports/clock.port';
import type { RoomSample } from '../../../ports/room-samples.port';
import type { ExecutionContext } from '../../operation-executor';
import type { ScaleDecision } from './scale-decision';
import { explainScale } from './scale-reason';

interface DecisionFacts {
  scheduler: Scheduler;
  decision: ScaleDecision;
  /** The run's room sample; undefined when it could not be counted. */
  sample: RoomSample | undefined;
  /** The add_rooms or remove_rooms operation the run enqueued. */
  operationId: string | null;
  /** The add/remove caps of the decision. */
  caps?: { add: number; remove: number };
}

/** The decision as stored and served: what the run saw, the limits, the action and why. */
export function toAutoscalingDecision(at: Date, runId: string, facts: DecisionFacts): AutoscalingDecision {
  const { scheduler, decision, sample } = facts;
  const rooms = {
    ready: sample?.ready ?? 0,
    occupied: sample?.occupied ?? 0,
    pending: sample?.pending ?? 0,
    terminating: sample?.terminating ?? 0,
    error: sample?.error ?? 0,
  };
  const autoscaling = scheduler.autoscaling?.enabled ? scheduler.autoscaling : undefined;
  const policy = autoscaling
    ? {
        type: autoscaling.policy.type,
        min: autoscaling.min,
        max: autoscaling.max,
        cooldown: autoscaling.cooldown,
        parameters: definedOnly(autoscaling.policy.parameters),
      }
    : { type: 'roomsReplicas', parameters: { roomsReplicas: scheduler.roomsReplicas } };
  return {
    at,
    operationId: runId,
    rooms,
    policy,
    current: decision.current,
    desired: decision.desired,
    limitedBy: [...decision.limitedBy],
    action: { ...decision.action, operationId: facts.operationId },
    reason: explainScale(decision, rooms.ready, autoscaling, facts.caps),
  };
}

/**
 * Stores the run's decision; never rejects: a missing explanation must not fail the health
 * controller (the failure is logged).
 */
export async function recordDecision(
  ports: { autoscalingDecisions?: AutoscalingDecisions; clock: Clock },
  context: Pick<ExecutionContext<unknown>, 'operation' | 'logger'>,
  facts: DecisionFacts,
): Promise<void> {
  try {
    if (!ports.autoscalingDecisions) throw new Error('no autoscaling decisions store');
    const decision = toAutoscalingDecision(ports.clock.now(), context.operation.id, facts);
    await ports.autoscalingDecisions.record(context.operation.schedulerName, decision);
  } catch (error) {
    context.logger.warn('failed to record an autoscaling decision', { error: String(error) });
  }
}

// The parameters of the other policy types are absent keys, not undefined ones, as JSON stores them.
const definedOnly = (parameters: object): Record<string, unknown> => Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined));
