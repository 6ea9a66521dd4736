import type { Autoscaling } from '../entities/scheduler';
import { plainFleet } from '../policies/autoscaling/policy-evaluation';
import { ALLOCATION_MINUTES_READ } from '../operations/maintenance/health-controller/policy-inputs';
import { decideScale } from '../operations/maintenance/health-controller/scale-decision';
import { minuteOf } from '../ports/allocation-counter.port';

/** Occupied rooms at a time; the demand holds until the next point. */
export interface TracePoint {
  at: Date;
  occupied: number;
}

/** What a simulation steps: a policy (or none: roomsReplicas) against a trace of occupied rooms. */
export interface SimulationInput {
  autoscaling: Autoscaling | undefined;
  roomsReplicas: number;
  maxSurge: string;
  maxMatches: number;
  /** Sorted by time; at least one point. */
  trace: TracePoint[];
  /** The health controller's period. */
  intervalMs: number;
  /** Time from a room's creation to its being ready. */
  startupDelayMs: number;
}

export interface SimulationStep {
  at: Date;
  occupied: number;
  ready: number;
  desired: number;
}

export interface SimulationSummary {
  roomHours: number;
  shortfallRoomMinutes: number;
  minutesWithoutReadyRoom: number;
  scaleOperations: number;
  peakRooms: number;
}

export interface SimulationResult {
  steps: SimulationStep[];
  summary: SimulationSummary;
}

/**
 * Steps the health controller's decision (decideScale, the code the live runs call) every
 * `intervalMs` over the trace: created rooms become ready after the start-up delay, the demand
 * occupies ready rooms, removals take pending rooms first, then ready ones, never occupied ones.
 * A schedule's windows open by the simulated clock; rooms newly occupied count as allocations (per
 * simulated minute, for `allocationBufferMinutes`); a webhook is not called: its fallback applies.
 * Pure and deterministic: the same input gives the same answer.
 */
export function simulateAutoscaling(input: SimulationInput): SimulationResult {
  const { trace, intervalMs } = input;
  const scheduler = { roomsReplicas: input.roomsReplicas, autoscaling: input.autoscaling, maxSurge: input.maxSurge, lastDownscaleAt: new Date(0) };
  const start = trace[0].at.getTime();
  const end = trace[trace.length - 1].at.getTime();
  // Rooms as the times they become ready; the fleet starts as the policy wants it for the first demand.
  let readyAt: number[] = Array.from({ length: initialRooms(input) }, () => start);
  const steps: SimulationStep[] = [];
  const summary: SimulationSummary = { roomHours: 0, shortfallRoomMinutes: 0, minutesWithoutReadyRoom: 0, scaleOperations: 0, peakRooms: 0 };
  let cursor = 0;
  const allocations = new Map<number, number>();
  // The rooms occupied when the trace starts were allocated before it.
  let previousOccupied: number | undefined;
  for (let t = start; t <= end; t += intervalMs) {
    while (cursor + 1 < trace.length && trace[cursor + 1].at.getTime() <= t) cursor++;
    const demand = trace[cursor].occupied;
    const started = readyAt.filter((at) => at <= t).length;
    const occupied = Math.min(demand, started);
    const ready = started - occupied;
    const now = new Date(t);
    const minute = minuteOf(now);
    allocations.set(minute, (allocations.get(minute) ?? 0) + Math.max(0, occupied - (previousOccupied ?? occupied)));
    previousOccupied = occupied;
    const allocationsPerMinute = Array.from({ length: ALLOCATION_MINUTES_READ }, (_, i) => allocations.get(minute - ALLOCATION_MINUTES_READ + 1 + i) ?? 0);
    const decision = decideScale({
      scheduler,
      fleet: plainFleet(readyAt.length, ready, occupied, input.maxMatches),
      available: readyAt.length,
      rolling: false,
      oldVersionRooms: 0,
      now,
      inputs: { allocationsPerMinute },
    });
    if (decision.downscales) scheduler.lastDownscaleAt = now;
    if (decision.action.kind === 'add') {
      readyAt = [...readyAt, ...Array.from({ length: decision.action.amount }, () => t + input.startupDelayMs)];
    } else if (decision.action.kind === 'remove') {
      readyAt = removeRooms(readyAt, decision.action.amount, occupied);
    }
    if (decision.action.kind !== 'none') summary.scaleOperations++;
    steps.push({ at: now, occupied, ready, desired: decision.desired });
    const minutes = intervalMs / 60_000;
    summary.roomHours += (readyAt.length * intervalMs) / 3_600_000;
    summary.shortfallRoomMinutes += (demand - occupied) * minutes;
    if (ready === 0) summary.minutesWithoutReadyRoom += minutes;
    summary.peakRooms = Math.max(summary.peakRooms, readyAt.length);
  }
  summary.roomHours = round(summary.roomHours);
  summary.shortfallRoomMinutes = round(summary.shortfallRoomMinutes);
  summary.minutesWithoutReadyRoom = round(summary.minutesWithoutReadyRoom);
  return { steps, summary };
}

function initialRooms(input: SimulationInput): number {
  const occupied = input.trace[0].occupied;
  const scheduler = { roomsReplicas: input.roomsReplicas, autoscaling: input.autoscaling, maxSurge: input.maxSurge, lastDownscaleAt: new Date(0) };
  const decision = decideScale({
    scheduler,
    fleet: plainFleet(occupied, 0, occupied, input.maxMatches),
    available: occupied,
    rolling: false,
    oldVersionRooms: 0,
    now: input.trace[0].at,
  });
  return Math.max(occupied, decision.desired);
}

/** Removes pending rooms first (the latest to be ready), then ready ones; occupied rooms stay. */
function removeRooms(readyAt: number[], amount: number, occupied: number): number[] {
  const sorted = [...readyAt].sort((a, b) => a - b);
  const removable = sorted.length - occupied;
  return sorted.slice(0, sorted.length - Math.min(amount, Math.max(removable, 0)));
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
