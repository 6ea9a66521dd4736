import type { PortRangeJson, SchedulerRequestJson } from '@maestro/domain';

/** JSON of the management and rooms APIs as the CLI reads it (management-api.md section 3). */

export interface SchedulerSummaryJson {
  name: string;
  game: string;
  state: string;
  version: string;
  portRange: PortRangeJson | null;
  createdAt: string;
  maxSurge: string;
  roomsReplicas: number;
}

/**
 * A scheduler: the body of POST /schedulers (a scheduler file, in the domain's request shape) and
 * of GET /schedulers/{name}, which adds its state and creation time.
 */
export interface SchedulerJson extends SchedulerRequestJson {
  state?: string;
  createdAt?: string;
}

export interface SchedulerInfoJson {
  name: string;
  game: string;
  state: string;
  roomsReplicas: number;
  roomsReady: number;
  roomsOccupied: number;
  roomsPending: number;
  roomsTerminating: number;
  autoscaling: { enabled: boolean; min: number; max: number } | null;
}

export interface SchedulerVersionJson {
  version: string;
  isActive: boolean;
  createdAt: string;
}

export const OPERATION_STAGES = ['pending', 'active', 'final'] as const;
export type OperationStage = (typeof OPERATION_STAGES)[number];

export interface OperationItemJson {
  id: string;
  status: string;
  definitionName: string;
  schedulerName: string;
  createdAt: string;
  lease?: { ttl: string };
}

export interface OperationJson extends OperationItemJson {
  input: unknown;
  executionHistory: { createdAt: string; event: string }[];
}

/** An operation status after which nothing changes. */
export const FINAL_OPERATION_STATUSES = ['finished', 'error', 'canceled', 'evicted'];

export interface RoomJson {
  id: string;
  status: string;
  version: string;
  pingStatus: string;
  runningMatches: number;
  isValidationRoom: boolean;
  lastPingAt: string;
  createdAt: string;
}

export interface AllocateJson {
  roomId: string;
  host?: string;
  ports?: { name: string; port: number; protocol: string }[];
}

export interface TokenJson {
  token: { id: string; name: string; role: string; games?: string[]; createdAt: string };
}

/** Rooms by status as a health controller run counted them. */
export interface RoomCountsJson {
  ready: number;
  occupied: number;
  pending: number;
  terminating: number;
  error: number;
}

/** One decision of GET /schedulers/{name}/autoscaling/decisions (docs/autoscaling.md). */
export interface AutoscalingDecisionJson {
  at: string;
  operationId: string;
  rooms: RoomCountsJson;
  policy: { type: string; min?: number; max?: number; cooldown?: number; parameters: Record<string, unknown> };
  current: number;
  desired: number;
  limitedBy: string[];
  action: { kind: string; amount: number; operationId: string | null };
  reason: string;
}

/** The body of POST /schedulers/{name}/autoscaling/simulate. */
export interface SimulateRequestJson {
  autoscaling?: unknown;
  candidates?: unknown[];
  since?: string;
  trace?: { at: string; occupied: number }[];
  startupDelaySeconds?: number;
}

export interface SimulationSummaryJson {
  roomHours: number;
  shortfallRoomMinutes: number;
  minutesWithoutReadyRoom: number;
  scaleOperations: number;
  peakRooms: number;
}

export interface SimulationJson {
  steps: { at: string; occupied: number; ready: number; desired: number }[];
  summary: SimulationSummaryJson;
}

/** One policy's simulation, or `candidates` with one per policy sent. */
export type SimulateResponseJson = Partial<SimulationJson> & { candidates?: SimulationJson[] };
