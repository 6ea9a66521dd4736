/** Operation: one unit of change of a scheduler, executed one at a time per scheduler. */

export const OPERATION_STATUSES = ['pending', 'in_progress', 'canceled', 'finished', 'evicted', 'error'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
/** Integer stored in Redis for an operation status (Maestro's numbering). */
export const operationStatusToInt = (s: OperationStatus): number => OPERATION_STATUSES.indexOf(s);
export const operationStatusFromInt = (n: number): OperationStatus | undefined => OPERATION_STATUSES[n];

export const FINAL_OPERATION_STATUSES: readonly OperationStatus[] = ['canceled', 'finished', 'evicted', 'error'];
export const isFinalOperationStatus = (s: OperationStatus): boolean => FINAL_OPERATION_STATUSES.includes(s);

export const OPERATION_STAGES = ['pending', 'active', 'final'] as const;
export type OperationStage = (typeof OPERATION_STAGES)[number];

export interface OperationEvent {
  createdAt: Date;
  event: string;
}

export interface OperationLeaseInfo {
  operationId: string;
  ttl: Date;
}

/**
 * An operation's input as stored and returned by the API: the definition's JSON with Maestro's keys
 * (management-api.md 3.5). Executors never read it directly: its definition parses it.
 */
export type OperationInputJson = Record<string, unknown>;

export interface Operation {
  id: string;
  schedulerName: string;
  status: OperationStatus;
  definitionName: string;
  createdAt: Date;
  input: OperationInputJson;
  executionHistory: OperationEvent[];
  lease?: OperationLeaseInfo;
  /** The name of the token that asked for it (not in Maestro); absent for the system's own operations. */
  requestedBy?: string;
}

export interface OperationPage {
  operations: Operation[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OperationListQuery {
  stage: OperationStage;
  sortOrder: 'asc' | 'desc';
  page: number;
  perPage: number;
}
