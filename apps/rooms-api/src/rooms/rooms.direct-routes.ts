import type { Clock, RoomAccess, RoomStatusService } from '@maestro/domain';
import type { DirectRoute } from '@maestro/platform';
import type { FastifyRequest } from 'fastify';
import { AllocateRoomRequest } from './dto/allocate-room.request';
import { AllocateRoomResponse } from './dto/room-address.response';
import { RoomReportRequest } from './dto/room-report.request';
import { PingResponse } from './dto/room-report.response';
import { parsePingBody } from './ping-body';
import type { RoomMetrics } from './room-metrics';
import { ROOM_NAME_PARAM, SCHEDULER_NAME_PARAM } from './rooms.params';

/** What the hot routes use. */
export interface RoomsDirectRouteDeps {
  statuses: RoomStatusService;
  access: RoomAccess;
  clock: Clock;
  metrics: RoomMetrics;
}

type Params = Record<'schedulerName' | 'roomName', string>;
const paramsOf = (request: FastifyRequest) => request.params as Params;

/**
 * The two routes every room and matchmaker call all the time, served by Fastify directly: ping
 * (each room, every few seconds) and allocate (each match). Same paths, bodies, access rules and
 * errors as the controller's routes; Nest's router per request cost a third of a ping (bench/README.md).
 */
export function roomsDirectRoutes({ statuses, access, clock, metrics }: RoomsDirectRouteDeps): DirectRoute[] {
  return [
    {
      method: 'PUT',
      path: '/scheduler/:schedulerName/rooms/:roomName/ping',
      handle: async (request): Promise<PingResponse> => {
        const { schedulerName, roomName } = paramsOf(request);
        const { status, runningMatches, metadata } = parsePingBody(request.body);
        metrics.pinged(schedulerName, status);
        const success = await statuses.ping({ schedulerName, roomId: roomName, pingStatus: status, runningMatches, metadata, at: clock.now() });
        return { success };
      },
      doc: {
        operationId: 'RoomsController_ping',
        summary: "Report the room's status and running matches (heartbeat); forwarded as a resync event",
        tags: ['Rooms'],
        params: { schedulerName: SCHEDULER_NAME_PARAM, roomName: ROOM_NAME_PARAM },
        body: RoomReportRequest,
        ok: PingResponse,
      },
    },
    {
      method: 'POST',
      path: '/scheduler/:schedulerName/rooms/allocate',
      handle: async (request): Promise<AllocateRoomResponse> => {
        const { schedulerName } = paramsOf(request);
        const { roomId, address } = await metrics.allocation(schedulerName, () => access.allocate(schedulerName));
        return { roomId, success: true, message: '', ports: address.ports, host: address.host };
      },
      doc: {
        operationId: 'RoomsController_allocate',
        summary: 'Take one ready room of the scheduler (it becomes allocated); 500 when none is ready',
        tags: ['Rooms'],
        params: { schedulerName: SCHEDULER_NAME_PARAM },
        body: AllocateRoomRequest,
        ok: AllocateRoomResponse,
      },
    },
  ];
}
