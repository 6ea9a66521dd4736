/** Game room: one dedicated game server, one pod. Statuses carry their stored integers. */

export const PING_STATUSES = ['unknown', 'ready', 'occupied', 'terminating', 'terminated'] as const;
export type PingStatus = (typeof PING_STATUSES)[number];

export const ROOM_STATUSES = ['pending', 'unready', 'ready', 'occupied', 'terminating', 'error', 'terminated', 'active', 'allocated'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

/** Integer stored in Redis for a ping status (its index). */
export const pingStatusToInt = (s: PingStatus): number => PING_STATUSES.indexOf(s);
export const pingStatusFromInt = (n: number): PingStatus => PING_STATUSES[n] ?? 'unknown';
/** Integer stored in Redis (score of the status sorted set) for a room status. */
export const roomStatusToInt = (s: RoomStatus): number => ROOM_STATUSES.indexOf(s);
export const roomStatusFromInt = (n: number): RoomStatus | undefined => ROOM_STATUSES[n];

export interface GameRoom {
  id: string;
  schedulerId: string;
  version: string;
  status: RoomStatus;
  pingStatus: PingStatus;
  metadata: Record<string, unknown> | null;
  lastPingAt: Date;
  isValidationRoom: boolean;
  runningMatches: number;
  createdAt: Date;
  allocatedAt?: Date;
}

/** Ping report of a room, after validation at the edge. */
export interface RoomPing {
  schedulerName: string;
  roomId: string;
  pingStatus: Exclude<PingStatus, 'unknown'>;
  runningMatches: number;
  metadata: Record<string, unknown>;
  at: Date;
}

/** Reasons passed to room deletion (Maestro's strings). */
export const ROOM_REMOVAL_REASONS = [
  'scale_down',
  'expired_room',
  'rolling_update_replace',
  'new_version_validation_finished',
  'new_version_rollback',
  'switch_version_rollback',
  'switch_version_replace',
] as const;
export type RoomRemovalReason = (typeof ROOM_REMOVAL_REASONS)[number];
