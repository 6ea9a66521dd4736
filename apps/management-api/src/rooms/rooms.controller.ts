import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FleetView } from '@maestro/domain';
import { parseSince } from './dto/room-history.query';
import { ListRoomsResponse, RoomHistoryResponse } from './dto/room.response';
import { toRoomJson, toRoomSampleJson } from './room.response-mapper';

/** Rooms of a scheduler for the dashboard (not in Maestro's API). */
@ApiTags('Rooms')
@Controller('schedulers/:schedulerName/rooms')
export class RoomsController {
  constructor(@Inject(FleetView) private readonly fleet: FleetView) {}

  @Get()
  @ApiOperation({ summary: "The scheduler's rooms with status, version, last ping, address and running matches" })
  @ApiOkResponse({ type: ListRoomsResponse })
  async list(@Param('schedulerName') schedulerName: string) {
    return { rooms: (await this.fleet.listRooms(schedulerName)).map(toRoomJson) };
  }

  @Get('history')
  @ApiOperation({ summary: "The scheduler's rooms by status as each health controller run counted them" })
  @ApiQuery({ name: 'since', required: false, example: '1h', description: 'period before now: 90s, 30m, 1h (default), at most 24h' })
  @ApiOkResponse({ type: RoomHistoryResponse })
  async history(@Param('schedulerName') schedulerName: string, @Query('since') since?: string) {
    return { samples: (await this.fleet.roomHistory(schedulerName, parseSince(since))).map(toRoomSampleJson) };
  }
}
