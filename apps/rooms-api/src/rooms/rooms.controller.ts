import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { EventsForwarderService, RoomAccess } from '@maestro/domain';
import { RoomAddressResponse } from './dto/room-address.response';
import { RoomEventRequest, RoomReportRequest } from './dto/room-report.request';
import { ForwardEventResponse, StatusEventResponse } from './dto/room-report.response';
import { ROOM_NAME_PARAM, SCHEDULER_NAME_PARAM } from './rooms.params';

const RoomNameParam = () => ApiParam({ name: 'roomName', description: ROOM_NAME_PARAM });

/**
 * The API game rooms call (Maestro's rooms API, same paths and bodies), less its two hot routes,
 * ping and allocate: Fastify serves those directly (rooms.direct-routes.ts).
 */
@ApiTags('Rooms')
@ApiParam({ name: 'schedulerName', description: SCHEDULER_NAME_PARAM })
@Controller('scheduler/:schedulerName/rooms')
export class RoomsController {
  constructor(
    @Inject(RoomAccess) private readonly access: RoomAccess,
    @Inject(EventsForwarderService) private readonly events: EventsForwarderService,
  ) {}

  @Put(':roomName/status')
  @ApiOperation({ summary: 'Forward a status event without changing the stored room (deprecated, Maestro v9)', deprecated: true })
  @RoomNameParam()
  @ApiOkResponse({ type: StatusEventResponse })
  async status(
    @Param('schedulerName') schedulerName: string,
    @Param('roomName') roomId: string,
    @Body() body: RoomReportRequest,
  ): Promise<StatusEventResponse> {
    return { success: await this.events.statusEvent(schedulerName, roomId, body.status ?? '', body.metadata) };
  }

  @Post(':roomName/roomevent')
  @HttpCode(200)
  @ApiOperation({ summary: "Forward a room event to the scheduler's forwarders" })
  @RoomNameParam()
  @ApiOkResponse({ type: ForwardEventResponse })
  async roomEvent(
    @Param('schedulerName') schedulerName: string,
    @Param('roomName') roomId: string,
    @Body() body: RoomEventRequest,
  ): Promise<ForwardEventResponse> {
    return this.events.roomEvent(schedulerName, roomId, body.event ?? '', body.metadata);
  }

  @Post(':roomName/playerevent')
  @HttpCode(200)
  @ApiOperation({ summary: "Forward a player event (playerJoin, playerLeft) to the scheduler's forwarders" })
  @RoomNameParam()
  @ApiOkResponse({ type: ForwardEventResponse })
  async playerEvent(
    @Param('schedulerName') schedulerName: string,
    @Param('roomName') roomId: string,
    @Body() body: RoomEventRequest,
  ): Promise<ForwardEventResponse> {
    return this.events.playerEvent(schedulerName, roomId, body.event ?? '', body.metadata);
  }

  @Get(':roomName/address')
  @ApiOperation({ summary: "The room's host and ports (deprecated)", deprecated: true })
  @RoomNameParam()
  @ApiOkResponse({ type: RoomAddressResponse })
  async address(@Param('schedulerName') schedulerName: string, @Param('roomName') roomId: string): Promise<RoomAddressResponse> {
    const address = await this.access.address(schedulerName, roomId);
    return { ports: address.ports, host: address.host, ipv6Label: '' };
  }
}
