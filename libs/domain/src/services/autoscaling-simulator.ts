import type { Autoscaling } from '../entities/scheduler';
import { normalizeAutoscaling } from '../entities/scheduler-defaults';
import { InvalidArgumentError } from '../errors/domain-error';
import type { Clock } from '../ports/clock.port';
import type { RoomSample, RoomSamples } from '../ports/room-samples.port';
import type { SchedulerStorage } from '../ports/scheduler-storage.port';
import { validateAutoscaling } from '../validation/autoscaling.validation';
import { simulateAutoscaling, type SimulationResult, type TracePoint } from './autoscaling-simulation';

/** A simulation request: the policies to compare and the demand to replay. */
export interface SimulateRequest {
  /** One policy; the scheduler's own when neither it nor `candidates` is given. */
  autoscaling?: Autoscaling;
  /** Policies compared side by side, answered in the order given. */
  candidates?: Autoscaling[];
  /** Replay the recorded occupied rooms of this last period (`90s`, `30m`, `6h`; at most 24h). */
  since?: string;
  /** Or replay this demand. */
  trace?: TracePoint[];
  /** Room start-up time; measured from the recorded history when absent. */
  startupDelaySeconds?: number;
}

const MAX_TRACE_POINTS = 10_000;
const MAX_CANDIDATES = 10;
const MAX_SINCE_MS = 24 * 3_600_000;

/** Replays a demand through the health controller's decision for one or more policies (not in Maestro). */
export class AutoscalingSimulator {
  constructor(
    private readonly ports: { schedulers: Pick<SchedulerStorage, 'getScheduler'>; roomSamples: RoomSamples; clock: Clock },
    private readonly options: { healthControllerIntervalMs: number },
  ) {}

  /**
   * Simulates each policy against the demand. Throws NotFoundError for an unknown scheduler and
   * InvalidArgumentError naming the field (`Candidates[1].Min`, `since`, `trace`) for a bad input.
   */
  async simulate(schedulerName: string, request: SimulateRequest): Promise<SimulationResult[]> {
    const scheduler = await this.ports.schedulers.getScheduler(schedulerName);
    const policies = this.policiesOf(request, scheduler.autoscaling);
    const samples = request.trace ? [] : await this.history(schedulerName, request.since ?? '1h');
    const trace = request.trace ? checkTrace(request.trace) : samples.map((s) => ({ at: s.at, occupied: s.occupied }));
    if (trace.length === 0) throw invalid('since', 'no recorded room history in this period; give a trace');
    const startupDelayMs = request.startupDelaySeconds !== undefined ? request.startupDelaySeconds * 1000 : measureStartupDelay(samples);
    return policies.map((autoscaling) =>
      simulateAutoscaling({
        autoscaling,
        roomsReplicas: scheduler.roomsReplicas,
        maxSurge: scheduler.maxSurge,
        maxMatches: scheduler.matchAllocation.maxMatches,
        trace,
        intervalMs: this.options.healthControllerIntervalMs,
        startupDelayMs,
      }),
    );
  }

  private policiesOf(request: SimulateRequest, own: Autoscaling | undefined): (Autoscaling | undefined)[] {
    if (request.candidates) {
      if (request.candidates.length === 0 || request.candidates.length > MAX_CANDIDATES)
        throw invalid('candidates', `between 1 and ${MAX_CANDIDATES} candidates`);
      return request.candidates.map((candidate, i) => checked(candidate, `Candidates[${i}]`));
    }
    return [request.autoscaling ? checked(request.autoscaling, 'Autoscaling') : own];
  }

  private async history(schedulerName: string, since: string): Promise<RoomSample[]> {
    const match = /^(\d+)(s|m|h)$/.exec(since);
    const periodMs = match ? Number(match[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 's' | 'm' | 'h'] : NaN;
    if (!(periodMs > 0 && periodMs <= MAX_SINCE_MS)) throw invalid('since', 'a period such as 30m or 6h, at most 24h');
    return this.ports.roomSamples.list(schedulerName, new Date(this.ports.clock.now().getTime() - periodMs));
  }
}

function checked(autoscaling: Autoscaling, root: string): Autoscaling {
  validateAutoscaling(autoscaling, root);
  return normalizeAutoscaling({ ...autoscaling, enabled: true });
}

function checkTrace(trace: TracePoint[]): TracePoint[] {
  if (trace.length === 0 || trace.length > MAX_TRACE_POINTS) throw invalid('trace', `between 1 and ${MAX_TRACE_POINTS} points`);
  trace.forEach((point, i) => {
    if (!Number.isInteger(point.occupied) || point.occupied < 0) throw invalid(`trace[${i}].occupied`, 'a non-negative integer');
    if (i > 0 && point.at.getTime() < trace[i - 1].at.getTime()) throw invalid(`trace[${i}].at`, 'points in time order');
  });
  return trace;
}

/**
 * Mean time a room spends pending, by Little's law: mean pending rooms over the rate at which rooms
 * appear (increases of the fleet between samples); 0 without any increase.
 */
export function measureStartupDelay(samples: RoomSample[]): number {
  if (samples.length < 2) return 0;
  const total = (s: RoomSample) => s.ready + s.occupied + s.pending;
  let created = 0;
  for (let i = 1; i < samples.length; i++) created += Math.max(0, total(samples[i]) - total(samples[i - 1]));
  const spanMs = samples[samples.length - 1].at.getTime() - samples[0].at.getTime();
  if (created === 0 || spanMs <= 0) return 0;
  const meanPending = samples.reduce((sum, s) => sum + s.pending, 0) / samples.length;
  return Math.round(meanPending / (created / spanMs) / 1000) * 1000;
}

function invalid(path: string, expected: string): InvalidArgumentError {
  const message = `${path}: expected ${expected}`;
  return new InvalidArgumentError(message, [{ path, message }]);
}
