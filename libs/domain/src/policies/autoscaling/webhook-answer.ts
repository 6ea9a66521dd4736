import type { WebhookOutcome } from './policy-evaluation';

/** The failure named for a 2xx body that is not `{"rooms": N}`. */
export const UNREADABLE_WEBHOOK_ANSWER = 'unreadable answer (expected {"rooms": N})';

/** A webhook's 2xx body: `{"rooms": N}` with N a non-negative integer (other fields ignored), else a failure. */
export function readWebhookAnswer(body: string): WebhookOutcome {
  try {
    const rooms = (JSON.parse(body) as { rooms?: unknown } | null)?.rooms;
    if (typeof rooms === 'number' && Number.isInteger(rooms) && rooms >= 0) return { rooms };
  } catch {
    // Not JSON: answered below.
  }
  return { failure: UNREADABLE_WEBHOOK_ANSWER };
}
