import type { OperationJson, RoomJson } from '../api/wire-types';

/** A room as GET /schedulers/{name}/rooms lists it. */
export const aRoomJson = (id: string, status: string, version: string, extra: Partial<RoomJson> = {}): RoomJson => ({
  id,
  status,
  version,
  pingStatus: 'ready',
  runningMatches: 0,
  isValidationRoom: false,
  lastPingAt: '',
  createdAt: '',
  ...extra,
});

/** An operation as GET .../operations/{id} answers it, its history starting with "Created". */
export const anOperationJson = (id: string, definitionName: string, status: string, events: string[] = []): OperationJson => ({
  id,
  status,
  definitionName,
  schedulerName: 'fixed-fleet',
  createdAt: '2026-01-02T10:00:00Z',
  input: {},
  executionHistory: ['Created', ...events].map((event) => ({ createdAt: '', event })),
});
