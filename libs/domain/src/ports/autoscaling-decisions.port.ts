export const AUTOSCALING_DECISIONS = Symbol('AutoscalingDecisions');

/** Rooms of one scheduler by status as a health controller run counted them. */
export interface DecisionRooms {
  ready: number;
  occupied: number;
  pending: number;
  terminating: number;
  error: number;
}

/**
 * What one health controller run saw and did about the number of rooms (not in Maestro): the
 * policy, the target it computed, each limit that changed it, the action and one sentence saying why.
 */
export interface AutoscalingDecision {
  at: Date;
  /** The health controller operation that decided. */
  operationId: string;
  rooms: DecisionRooms;
  /** The autoscaling block in force, or `{ type: 'roomsReplicas' }` when autoscaling is off. */
  policy: { type: string; min?: number; max?: number; cooldown?: number; parameters: Record<string, unknown> };
  /** Available rooms counted by the run. */
  current: number;
  desired: number;
  /** The limits that changed the policy's number: min, max, maxSurge, downscalePolicy, cooldown, oldVersionRooms. */
  limitedBy: string[];
  /** The enqueued add_rooms or remove_rooms operation, if any. */
  action: { kind: 'add' | 'remove' | 'none'; amount: number; operationId: string | null };
  reason: string;
}

/** A bounded window of each scheduler's most recent autoscaling decisions. */
export interface AutoscalingDecisions {
  /** Adds a decision; the oldest ones past the window (count and age) are dropped. */
  record(schedulerName: string, decision: AutoscalingDecision): Promise<void>;
  /** The scheduler's `limit` most recent decisions, newest first; none for an unknown scheduler. */
  list(schedulerName: string, limit: number): Promise<AutoscalingDecision[]>;
}
