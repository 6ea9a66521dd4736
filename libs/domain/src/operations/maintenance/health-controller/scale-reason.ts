import type { Autoscaling } from '../../../entities/scheduler';
import { assertNever } from '../../../errors/domain-error';
import type { ScaleDecision, ScaleLimit } from './scale-decision';

/**
 * One sentence saying why a run decided what it did, e.g. "3 of 10 rooms ready, readyTarget 0.5 wants
 * 14, capped by max 12: +2".
 */
export function explainScale(decision: ScaleDecision, ready: number, autoscaling: Autoscaling | undefined, caps?: { add: number; remove: number }): string {
  const parts = [`${ready} of ${decision.current} rooms ready`, `${decision.policy} wants ${decision.wanted}`];
  for (const limit of decision.limitedBy) parts.push(limitPhrase(limit, decision, autoscaling, caps));
  return `${parts.join(', ')}: ${actionPhrase(decision.action)}`;
}

function limitPhrase(limit: ScaleLimit, d: ScaleDecision, autoscaling: Autoscaling | undefined, caps?: { add: number; remove: number }): string {
  switch (limit) {
    case 'min':
      return `raised to min ${autoscaling?.min ?? d.desired}`;
    case 'max':
      return `capped by max ${autoscaling?.max ?? d.desired}`;
    case 'maxSurge':
      return `rolling update surges to ${d.desired}`;
    case 'downscalePolicy':
      return `downThreshold forbids a downscale below ${d.current}`;
    case 'cooldown':
      return `cooldown of ${autoscaling?.cooldown ?? 0}s since the last downscale keeps ${d.current}`;
    case 'oldVersionRooms':
      return `only ${d.action.amount} rooms of the previous version to remove`;
    case 'addRoomsLimit':
      return `add_rooms creates at most ${caps?.add ?? d.action.amount} per run`;
    case 'removeRoomsLimit':
      return `remove_rooms removes at most ${caps?.remove ?? d.action.amount} per run`;
    default:
      return assertNever(limit);
  }
}

function actionPhrase(action: ScaleDecision['action']): string {
  switch (action.kind) {
    case 'add':
      return `+${action.amount}`;
    case 'remove':
      return `-${action.amount}`;
    case 'none':
      return 'no change';
    default:
      return assertNever(action.kind);
  }
}
