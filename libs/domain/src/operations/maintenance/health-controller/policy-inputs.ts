import type { AutoscalingPolicy, Scheduler } from '../../../entities/scheduler';
import type { PolicyInputs } from '../../../policies/autoscaling/policy-evaluation';
import type { AllocationCounter } from '../../../ports/allocation-counter.port';
import type { Clock } from '../../../ports/clock.port';
import type { Logger } from '../../../ports/logger.port';
import type { RoomSample } from '../../../ports/room-samples.port';
import type { ScalingWebhook } from '../../../ports/scaling-webhook.port';

/** Minutes of allocations a run reads: the current one and the four before it. */
export const ALLOCATION_MINUTES_READ = 5;

/** What a health controller run gives the policy besides the rooms and the time. */
export interface PolicyInputPorts {
  allocations?: AllocationCounter;
  scalingWebhook?: ScalingWebhook;
  clock: Clock;
}

/**
 * Reads the allocations per minute when the policy uses them (a webhook, or `allocationBufferMinutes`)
 * and asks a webhook policy's endpoint. Never rejects: unread allocations count as none (logged), a
 * failed webhook is an outcome its fallback handles.
 */
export async function readPolicyInputs(
  ports: PolicyInputPorts,
  scheduler: Scheduler,
  facts: { sample: RoomSample | undefined; current: number },
  logger: Logger,
): Promise<Omit<PolicyInputs, 'now'>> {
  const autoscaling = scheduler.autoscaling;
  if (!autoscaling?.enabled) return {};
  const webhook = autoscaling.policy.type === 'webhook' ? autoscaling.policy.parameters.webhook : undefined;
  if (!webhook && !usesAllocations(autoscaling.policy)) return {};
  const allocationsPerMinute = await readAllocations(ports, scheduler.name, logger);
  if (!webhook) return { allocationsPerMinute };
  if (!ports.scalingWebhook) return { allocationsPerMinute, webhook: { failure: 'no webhook client in this worker' } };
  const sample = facts.sample;
  const status = {
    scheduler: scheduler.name,
    game: scheduler.game,
    rooms: {
      ready: sample?.ready ?? 0,
      occupied: sample?.occupied ?? 0,
      pending: sample?.pending ?? 0,
      terminating: sample?.terminating ?? 0,
      error: sample?.error ?? 0,
    },
    current: facts.current,
    min: autoscaling.min,
    max: autoscaling.max,
    allocationsPerMinute: allocationsPerMinute ?? [],
  };
  return { allocationsPerMinute, webhook: await ports.scalingWebhook.ask(webhook.url, status, webhook.timeoutMs) };
}

async function readAllocations(ports: PolicyInputPorts, schedulerName: string, logger: Logger): Promise<number[] | undefined> {
  if (!ports.allocations) return undefined;
  try {
    return await ports.allocations.recent(schedulerName, ports.clock.now(), ALLOCATION_MINUTES_READ);
  } catch (error) {
    logger.warn('failed to read the allocations per minute', { error: String(error) });
    return undefined;
  }
}

/** Whether a policy, or one it holds, sets `allocationBufferMinutes`. */
function usesAllocations(policy: AutoscalingPolicy): boolean {
  const { roomOccupancy, fixedBuffer, schedule, webhook } = policy.parameters;
  if (roomOccupancy?.allocationBufferMinutes || fixedBuffer?.allocationBufferMinutes) return true;
  if (schedule) return [...schedule.entries.map((entry) => entry.policy), schedule.default].some(usesAllocations);
  return webhook ? usesAllocations(webhook.fallback) : false;
}
