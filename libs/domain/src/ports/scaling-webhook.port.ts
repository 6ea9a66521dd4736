import type { WebhookOutcome } from '../policies/autoscaling/policy-evaluation';

export const SCALING_WEBHOOK = Symbol('ScalingWebhook');

/** What a webhook policy POSTs to its URL (autoscaling.md, "webhook"). */
export interface ScalingWebhookStatus {
  scheduler: string;
  game: string;
  rooms: { ready: number; occupied: number; pending: number; terminating: number; error: number };
  /** Rooms counted as available by the health controller. */
  current: number;
  min: number;
  /** -1 means no upper limit. */
  max: number;
  /** Allocations of the last minutes, oldest first, the current (partial) minute last. */
  allocationsPerMinute: number[];
}

/**
 * Asks a team's endpoint how many rooms a scheduler needs (not in Maestro). The endpoint answers
 * `{"rooms": N}` with a 2xx status.
 */
export interface ScalingWebhook {
  /**
   * POSTs the status as JSON to `url` and answers `{rooms}` (a non-negative integer) or `{failure}`
   * saying why not: a refused address, a timeout, a non-2xx status, an unreadable body. Never
   * rejects, and settles within `timeoutMs` (plus a few milliseconds).
   */
  ask(url: string, status: ScalingWebhookStatus, timeoutMs: number): Promise<WebhookOutcome>;
}
