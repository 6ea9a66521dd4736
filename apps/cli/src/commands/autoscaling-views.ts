import path from 'node:path';
import type { AutoscalingDecisionJson, SimulationJson } from '../api/wire-types';
import { UsageError } from '../errors';
import { yaml } from '../lazy';
import { renderTable } from '../output/table';

/** "3 ready, 7 occupied": the statuses with rooms, in the order of the API; "no rooms" when none. */
export function roomsText(rooms: AutoscalingDecisionJson['rooms']): string {
  const counts = Object.entries(rooms).filter(([, count]) => count > 0);
  return counts.length > 0 ? counts.map(([status, count]) => `${count} ${status}`).join(', ') : 'no rooms';
}

/** "add 2", "remove 1" or "none". */
const actionText = (action: AutoscalingDecisionJson['action']): string => (action.kind === 'none' ? 'none' : `${action.kind} ${action.amount}`);

/** The decisions as a table: when, what the run saw, what it wanted, what limited it, what it did and why. */
export function decisionsTable(decisions: AutoscalingDecisionJson[]): string {
  const rows = decisions.map((d) => [
    d.at.replace(/\.\d+Z$/, 'Z'),
    roomsText(d.rooms),
    `${d.current}->${d.desired}`,
    d.limitedBy.join(',') || '-',
    actionText(d.action),
    d.reason,
  ]);
  return renderTable(['at', 'rooms', 'current->desired', 'limited by', 'action', 'reason'], rows);
}

/** A candidate named in the summaries: where it came from and its policy. */
export interface CandidateSource {
  name: string;
  policy: string;
}

const round = (value: number) => String(Math.round(value * 1000) / 1000);

/** Each candidate's summary on its own row, so that their cost and shortfall read side by side. */
export function summariesTable(sources: CandidateSource[], results: SimulationJson[]): string {
  const rows = results.map((r, i) => [
    sources[i]?.name ?? String(i + 1),
    sources[i]?.policy ?? '',
    round(r.summary.roomHours),
    round(r.summary.shortfallRoomMinutes),
    round(r.summary.minutesWithoutReadyRoom),
    r.summary.scaleOperations,
    r.summary.peakRooms,
  ]);
  return renderTable(['candidate', 'policy', 'room-hours', 'shortfall room-min', 'min without ready', 'scale ops', 'peak rooms'], rows);
}

const isScalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

/** "roomOccupancy readyTarget=0.5 min=1 max=12": a policy's type, flat parameters and bounds. */
export function policyText(autoscaling: Record<string, unknown>): string {
  const policy = (autoscaling.policy ?? {}) as { type?: unknown; parameters?: Record<string, unknown> };
  const type = typeof policy.type === 'string' ? policy.type : '?';
  const own = policy.parameters?.[type];
  const parameters = own && typeof own === 'object' ? Object.entries(own).filter(([, v]) => isScalar(v)) : [];
  const bounds = ['min', 'max', 'cooldown'].filter((key) => isScalar(autoscaling[key])).map((key) => [key, autoscaling[key]]);
  return [type, ...[...parameters, ...bounds].map(([key, value]) => `${key}=${String(value)}`)].join(' ');
}

/** A YAML or JSON document's value; a usage error naming the file otherwise. */
function parseDocument(text: string, source: string): unknown {
  try {
    return yaml().parse(text);
  } catch (error) {
    throw new UsageError(`${source}: not YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * A candidate file: an autoscaling block, or a scheduler file whose `autoscaling` is taken, so that
 * the file about to be applied can be tried first.
 */
export function parseCandidate(text: string, file: string): { autoscaling: Record<string, unknown>; source: CandidateSource } {
  const value = parseDocument(text, file) as Record<string, unknown> | null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${file}: an autoscaling block must be an object`);
  const inner = value.autoscaling;
  const autoscaling = inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : value;
  return { autoscaling, source: { name: path.basename(file), policy: policyText(autoscaling) } };
}

/** A trace file: a list of `{at, occupied}` (or an object with such a `trace`), checked point by point. */
export function parseTrace(text: string, file: string): { at: string; occupied: number }[] {
  const value = parseDocument(text, file) as { trace?: unknown } | unknown[] | null;
  const points = Array.isArray(value) ? value : value && typeof value === 'object' ? value.trace : undefined;
  if (!Array.isArray(points) || points.length === 0) throw new UsageError(`${file}: a trace is a list of {at, occupied}`);
  return points.map((point: { at?: unknown; occupied?: unknown }, i) => {
    const at = point.at instanceof Date ? point.at.toISOString() : point.at;
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw new UsageError(`${file}: trace[${i}].at: a time such as 2026-01-02T10:00:00Z`);
    if (!Number.isInteger(point.occupied) || (point.occupied as number) < 0) throw new UsageError(`${file}: trace[${i}].occupied: a whole number of rooms`);
    return { at, occupied: point.occupied as number };
  });
}
