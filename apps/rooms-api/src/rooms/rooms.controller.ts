import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock, EventsForwarderService, RoomAccess, RoomStatusService } from '@maestro/domain';
import { parsePingBody } from './ping-body';
import { RoomMetrics } from './room-metrics';
import { AllocateRoomRequest } from './dto/allocate-room.request';
import { AllocateRoomResponse, RoomAddressResponse } from './dto/room-address.response';
import { RoomEventRequest, RoomReportRequest } from './dto/room-report.request';
import { ForwardEventResponse, PingResponse, StatusEventResponse } from './dto/room-report.response';

const RoomNameParam = () => ApiParam({ name: 'roomName', description: 'the room (pod) name' });

/** The API game rooms call (Maestro's rooms API, same paths and bodies). */
@ApiTags('Rooms')
@ApiParam({ name: 'schedulerName', description: "the room's scheduler" })
@Controller('scheduler/:schedulerName/rooms')
export class RoomsController {
  constructor(
    @Inject(RoomStatusService) private readonly statuses: RoomStatusService,
    @Inject(RoomAccess) private readonly access: RoomAccess,
    @Inject(EventsForwarderService) private readonly events: EventsForwarderService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RoomMetrics) private readonly metrics: RoomMetrics,
  ) {}

  @Put(':roomName/ping')
  @ApiOperation({ summary: "Report the room's status and running matches (heartbeat); forwarded as a resync event" })
  @RoomNameParam()
  @ApiBody({ type: RoomReportRequest })
  @ApiOkResponse({ type: PingResponse })
  async ping(@Param('schedulerName') schedulerName: string, @Param('roomName') roomId: string, @Body() body: Record<string, unknown>): Promise<PingResponse> {
    const { status, runningMatches, metadata } = parsePingBody(body);
    this.metrics.pinged(schedulerName, status);
    const success = await this.statuses.ping({ schedulerName, roomId, pingStatus: status, runningMatches, metadata, at: this.clock.now() });
    return { success };
  }

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

  @Post('allocate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take one ready room of the scheduler (it becomes allocated); 500 when none is ready' })
  @ApiBody({ type: AllocateRoomRequest })
  @ApiOkResponse({ type: AllocateRoomResponse })
  async allocate(@Param('schedulerName') schedulerName: string): Promise<AllocateRoomResponse> {
    const { roomId, address } = await this.metrics.allocation(schedulerName, () => this.access.allocate(schedulerName));
    return { roomId, success: true, message: '', ports: address.ports, host: address.host };
  }
}
