/** JSON of the management and rooms APIs as the CLI reads it (management-api.md section 3). */

export interface PortRangeJson {
  start: number;
  end: number;
}

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

export interface AutoscalingJson {
  enabled?: boolean;
  min?: number;
  max?: number;
  cooldown?: number;
  policy?: { type?: string; parameters?: { roomOccupancy?: { readyTarget?: number; downThreshold?: number }; fixedBuffer?: { amount?: number } } };
}

export interface ContainerJson {
  name?: string;
  image?: string;
  imagePullPolicy?: string;
  command?: string[];
  environment?: { name?: string; value?: string; valueFrom?: { fieldRef?: { fieldPath?: string }; secretKeyRef?: { name?: string; key?: string } } }[];
  requests?: { memory?: string; cpu?: string };
  limits?: { memory?: string; cpu?: string };
  ports?: { name?: string; protocol?: string; port?: number; hostPort?: number; hostPortRange?: PortRangeJson }[];
}

export interface ForwarderJson {
  name?: string;
  enable?: boolean;
  type?: string;
  address?: string;
  options?: { timeout?: number | string; metadata?: Record<string, unknown> };
}

/** A scheduler: the body of POST /schedulers (a scheduler file) and of GET /schedulers/{name}. */
export interface SchedulerJson {
  name?: string;
  game?: string;
  state?: string;
  portRange?: PortRangeJson | null;
  createdAt?: string;
  maxSurge?: string;
  roomsReplicas?: number;
  spec?: {
    version?: string;
    terminationGracePeriod?: string;
    containers?: ContainerJson[];
    toleration?: string;
    affinity?: string;
    restartPolicy?: string;
  };
  autoscaling?: AutoscalingJson | null;
  forwarders?: ForwarderJson[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  matchAllocation?: { maxMatches?: number } | null;
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
