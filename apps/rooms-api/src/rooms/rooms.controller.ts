import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { CLOCK, type Clock, EventsForwarderService, RoomAccess, RoomStatusService } from '@maestro/domain';
import { parsePingBody } from './ping-body';
import { RoomEventRequest, RoomReportRequest } from './dto/room-report.request';

/** The API game rooms call (Maestro's rooms API, same paths and bodies). */
@Controller('scheduler/:schedulerName/rooms')
export class RoomsController {
  constructor(
    @Inject(RoomStatusService) private readonly statuses: RoomStatusService,
    @Inject(RoomAccess) private readonly access: RoomAccess,
    @Inject(EventsForwarderService) private readonly events: EventsForwarderService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Put(':roomName/ping')
  @ApiBody({ type: RoomReportRequest })
  async ping(@Param('schedulerName') schedulerName: string, @Param('roomName') roomId: string, @Body() body: Record<string, unknown>) {
    const { status, runningMatches, metadata } = parsePingBody(body);
    const success = await this.statuses.ping({ schedulerName, roomId, pingStatus: status, runningMatches, metadata, at: this.clock.now() });
    return { success };
  }

  @Put(':roomName/status')
  async status(@Param('schedulerName') schedulerName: string, @Param('roomName') roomId: string, @Body() body: RoomReportRequest) {
    return { success: await this.events.statusEvent(schedulerName, roomId, body.status ?? '', body.metadata) };
  }

  @Post(':roomName/roomevent')
  @HttpCode(200)
  async roomEvent(@Param('schedulerName') schedulerName: string, @Param('roomName') roomId: string, @Body() body: RoomEventRequest) {
    return this.events.roomEvent(schedulerName, roomId, body.event ?? '', body.metadata);
  }

  @Post(':roomName/playerevent')
  @HttpCode(200)
  async playerEvent(@Param('schedulerName') schedulerName: string, @Param('roomName') roomId: string, @Body() body: RoomEventRequest) {
    return this.events.playerEvent(schedulerName, roomId, body.event ?? '', body.metadata);
  }

  @Get(':roomName/address')
  async address(@Param('schedulerName') schedulerName: string, @Param('roomName') roomId: string) {
    const address = await this.access.address(schedulerName, roomId);
    return { ports: address.ports, host: address.host, ipv6Label: '' };
  }

  @Post('allocate')
  @HttpCode(200)
  async allocate(@Param('schedulerName') schedulerName: string) {
    const { roomId, address } = await this.access.allocate(schedulerName);
    return { roomId, success: true, message: '', ports: address.ports, host: address.host };
  }
}
