/**
 * Maestro's Redis key layout (storage.md section 4.1), one builder per adapter, each under an
 * optional prefix (empty in production, so keys are Maestro's; tests and shared servers set one).
 */

/** A key prefix, given as a string or as any object carrying it (e.g. {@link RedisKeys}). */
export type KeyPrefix = string | { readonly prefix: string };

/** The prefix string of a {@link KeyPrefix}. */
export const prefixOf = (keyPrefix: KeyPrefix = ''): string => (typeof keyPrefix === 'string' ? keyPrefix : keyPrefix.prefix);

/** Keys of RedisRoomStorage. */
export const roomKeys = (prefix: string) => ({
  room: (s: string, room: string) => `${prefix}scheduler:${s}:rooms:${room}`,
  statusChannel: (s: string, room: string) => `${prefix}scheduler:${s}:rooms:${room}:updatechan`,
  statuses: (s: string) => `${prefix}scheduler:${s}:status`,
  pings: (s: string) => `${prefix}scheduler:${s}:ping`,
  occupancy: (s: string) => `${prefix}scheduler:${s}:occupancy`,
});

/** Keys of RedisInstanceStorage. */
export const instanceKeys = (prefix: string) => ({
  podMap: (s: string) => `${prefix}scheduler:${s}:podMap`,
});

/** Keys of RedisOperationStorage. */
export const operationKeys = (prefix: string) => ({
  operation: (s: string, id: string) => `${prefix}operations:${s}:${id}`,
  active: (s: string) => `${prefix}operations:${s}:lists:active`,
  /** Not in Maestro: pending operation ids (score = unix seconds of creation or of the status change), for the reconciler. */
  pending: (s: string) => `${prefix}operations:${s}:lists:pending`,
  history: (s: string) => `${prefix}operations:${s}:lists:history`,
  noAction: (s: string) => `${prefix}operations:${s}:lists:noaction`,
});

/** Keys of RedisOperationLease. */
export const leaseKeys = (prefix: string) => ({
  leases: (s: string) => `${prefix}operations:${s}:operationsLease`,
});

/** Keys of RedisSchedulerCache (the generation is not in Maestro: its invalidation counter, never expiring). */
export const schedulerCacheKeys = (prefix: string) => ({
  scheduler: (s: string) => `${prefix}scheduler:${s}`,
  generation: (s: string) => `${prefix}scheduler:${s}:cacheGeneration`,
});

/** Channel of RedisOperationCancellation. */
export const cancellationKeys = (prefix: string) => ({
  channel: () => `${prefix}scheduler:operation_cancellation_requests`,
});

/** Keys of RedisSchedulerLock (not in Maestro: its per-scheduler execution lock and period claims across workers). */
export const schedulerLockKeys = (prefix: string) => ({
  lock: (s: string) => `${prefix}scheduler:${s}:executionLock`,
  period: (s: string, task: string) => `${prefix}scheduler:${s}:periodClaim:${task}`,
});

/** Keys of RedisRoomSamples (not in Maestro: the rooms-by-status history the dashboard draws). */
export const roomSampleKeys = (prefix: string) => ({
  samples: (s: string) => `${prefix}scheduler:${s}:roomSamples`,
});

/** Keys of RedisTokenRevocations (not in Maestro: the management tokens' revocation counter). */
export const tokenKeys = (prefix: string) => ({
  revocationGeneration: () => `${prefix}tokens:revocationGeneration`,
});

/** Keys of RedisAutoscalingDecisions (not in Maestro: the decisions of the health controller, explained). */
export const autoscalingDecisionKeys = (prefix: string) => ({
  decisions: (s: string) => `${prefix}scheduler:${s}:autoscalingDecisions`,
});

/** Keys of RedisAllocationCounter (not in Maestro: allocations per scheduler and minute since the epoch). */
export const allocationCounterKeys = (prefix: string) => ({
  minute: (s: string, minute: number) => `${prefix}scheduler:${s}:allocations:${minute}`,
});

/** A key prefix as an object, accepted by every Redis adapter's constructor. */
export class RedisKeys {
  constructor(readonly prefix = '') {}
}

/** Unix seconds of a date (Maestro's sorted-set scores). */
export const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);
