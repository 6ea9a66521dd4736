import type { RoomSample, RoomView } from '@maestro/domain';
import { formatTimestamp } from '../wire/wire-format';

/** A room of GET /schedulers/{name}/rooms. */
export function toRoomJson(room: RoomView) {
  return {
    id: room.id,
    status: room.status,
    pingStatus: room.pingStatus,
    version: room.version,
    lastPingAt: formatTimestamp(room.lastPingAt),
    createdAt: formatTimestamp(room.createdAt),
    runningMatches: room.runningMatches,
    isValidationRoom: room.isValidationRoom,
    ...(room.address?.host ? { host: room.address.host } : {}),
    ports: room.address?.ports ?? [],
  };
}

/** A sample of GET /schedulers/{name}/rooms/history. */
export function toRoomSampleJson(sample: RoomSample) {
  return { ...sample, at: formatTimestamp(sample.at) };
}
