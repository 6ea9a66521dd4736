import type { components } from '../api/management-api';

type Autoscaling = components['schemas']['AutoscalingDto'];
type SimulateRequest = components['schemas']['SimulateRequest'];
export type Simulation = components['schemas']['SimulationResponse'];
type Scheduler = components['schemas']['SchedulerResponse'];

/** Periods of recorded history the simulator can replay from this page. */
export const SINCE_CHOICES = ['1h', '6h', '24h'] as const;

/** What the form holds: the demand (recorded or pasted) and the candidate policies as JSON texts. */
export interface SimulationForm {
  demand: 'history' | 'trace';
  since: (typeof SINCE_CHOICES)[number];
  trace: string;
  candidates: string[];
  startupDelaySeconds: string;
}

/** A policy to start from: the scheduler's own, or a roomOccupancy example when it has none. */
export function initialCandidate(scheduler: Scheduler): string {
  const own = scheduler.autoscaling;
  const example: Autoscaling = {
    enabled: true,
    min: 1,
    max: Math.max(10, scheduler.roomsReplicas * 2),
    cooldown: 0,
    policy: { type: 'roomOccupancy', parameters: { roomOccupancy: { readyTarget: 0.5, downThreshold: 0.9 } } },
  };
  return JSON.stringify(own?.policy ? own : example, null, 2);
}

/**
 * Occupied rooms over time from pasted text: the simulator's JSON (`[{"at": "...", "occupied": 3}]`)
 * or one `time,occupied` line per point (a header line is skipped). Throws naming the bad line.
 */
export function parseTrace(text: string): { at: string; occupied: number }[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new Error('Trace: paste occupied rooms over time');
  if (trimmed.startsWith('[')) {
    let points: unknown;
    try {
      points = JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`Trace: not JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(points)) throw new Error('Trace: a JSON list of {"at", "occupied"}');
    return points.map((point: unknown, i) => checkPoint(point as { at?: unknown; occupied?: unknown }, `point ${i + 1}`));
  }
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '');
  const rows = /^\s*[^,;\s]+\s*[,;\s]\s*\d+\s*$/.test(lines[0]) ? lines : lines.slice(1);
  return rows.map((line, i) => {
    const [at, occupied] = line.split(/[,;\s]+/).filter(Boolean);
    return checkPoint({ at, occupied: Number(occupied) }, `line ${i + 1 + lines.length - rows.length}`);
  });
}

function checkPoint(point: { at?: unknown; occupied?: unknown }, where: string): { at: string; occupied: number } {
  const at = typeof point.at === 'string' ? new Date(point.at) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw new Error(`Trace, ${where}: "at" must be a time such as 2026-01-02T10:00:00Z`);
  if (typeof point.occupied !== 'number' || !Number.isInteger(point.occupied) || point.occupied < 0)
    throw new Error(`Trace, ${where}: "occupied" must be a whole number of rooms`);
  return { at: at.toISOString(), occupied: point.occupied };
}

/** Each candidate's autoscaling block; throws naming the candidate whose text is not a JSON object. */
export function parseCandidates(texts: string[]): Autoscaling[] {
  return texts.map((text, i) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new Error(`Candidate ${i + 1}: not JSON: ${(error as Error).message}`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`Candidate ${i + 1}: an autoscaling object`);
    return value as Autoscaling;
  });
}

/** The body of POST .../autoscaling/simulate: one policy as `autoscaling`, several as `candidates`. */
export function simulateBody(form: SimulationForm): SimulateRequest {
  const candidates = parseCandidates(form.candidates);
  const body: SimulateRequest = candidates.length === 1 ? { autoscaling: candidates[0] } : { candidates };
  if (form.demand === 'trace') body.trace = parseTrace(form.trace);
  else body.since = form.since;
  const delay = form.startupDelaySeconds.trim();
  if (delay !== '') {
    const seconds = Number(delay);
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600) throw new Error('Room start-up: whole seconds between 0 and 3600');
    body.startupDelaySeconds = seconds;
  }
  return body;
}

/** The answer as one result per candidate, whether one policy or several were sent. */
export function simulationsOf(answer: components['schemas']['SimulateResponse']): Simulation[] {
  if (answer.candidates) return answer.candidates;
  return answer.steps && answer.summary ? [{ steps: answer.steps, summary: answer.summary }] : [];
}

/** "roomOccupancy", "fixedBuffer", or whatever type a candidate names: its column's title. */
export function candidateLabel(text: string, index: number): string {
  try {
    const type = (JSON.parse(text) as { policy?: { type?: unknown } }).policy?.type;
    return typeof type === 'string' ? `${index + 1}: ${type}` : `${index + 1}`;
  } catch {
    return `${index + 1}`;
  }
}
