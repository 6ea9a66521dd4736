import type { PingStatus, RoomStatus } from '../entities/game-room';
import type { InstanceStatusType } from '../entities/instance';

/** (ping status, instance status) -> room status: rooms-api.md 1.4, all 25 cells. */
const COMPOSITION: Record<PingStatus, Record<InstanceStatusType, RoomStatus>> = {
  unknown: { unknown: 'pending', pending: 'pending', ready: 'unready', terminating: 'terminating', error: 'error' },
  ready: { unknown: 'pending', pending: 'pending', ready: 'ready', terminating: 'terminating', error: 'error' },
  occupied: { unknown: 'pending', pending: 'pending', ready: 'occupied', terminating: 'terminating', error: 'error' },
  terminating: { unknown: 'terminating', pending: 'terminating', ready: 'terminating', terminating: 'terminating', error: 'error' },
  terminated: { unknown: 'terminated', pending: 'terminated', ready: 'terminated', terminating: 'terminated', error: 'error' },
};

/** The room status Maestro derives from what the room reports and what the runtime reports. */
export const composeRoomStatus = (ping: PingStatus, instance: InstanceStatusType): RoomStatus => COMPOSITION[ping][instance];
