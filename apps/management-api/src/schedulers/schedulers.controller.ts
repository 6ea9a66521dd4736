import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type ApiToken, SchedulerManager, allowsGame } from '@maestro/domain';
import { CallerToken } from '@maestro/platform';
import { PatchSchedulerRequest } from './dto/patch-scheduler.request';
import { RoomsAmountRequest } from './dto/rooms-amount.request';
import { CreateSchedulerRequest, NewSchedulerVersionRequest, SwitchActiveVersionRequest } from './dto/scheduler.request';
import { GetSchedulerResponse, ListSchedulersResponse, OperationIdResponse, SchedulersInfoResponse, SchedulerVersionsResponse } from './dto/scheduler.response';
import { toNewScheduler, toSchedulerPatch } from './scheduler.request-mapper';
import { toSchedulerInfoJson, toSchedulerJson, toSchedulerSummaryJson, toSchedulerVersionJson } from './scheduler.response-mapper';

@ApiTags('Schedulers')
@Controller('schedulers')
export class SchedulersController {
  constructor(@Inject(SchedulerManager) private readonly schedulers: SchedulerManager) {}

  @Get()
  @ApiOperation({ summary: "List schedulers (without their spec), filtered by name, game and active version, and by the token's games" })
  @ApiQuery({ name: 'name', required: false })
  @ApiQuery({ name: 'game', required: false })
  @ApiQuery({ name: 'version', required: false })
  @ApiOkResponse({ type: ListSchedulersResponse })
  async list(@CallerToken() caller: ApiToken, @Query('name') name?: string, @Query('game') game?: string, @Query('version') version?: string) {
    const schedulers = await this.schedulers.listSchedulers({ name: name || undefined, game: game || undefined, version: version || undefined });
    return { schedulers: schedulers.filter((scheduler) => allowsGame(caller, scheduler.game)).map(toSchedulerSummaryJson) };
  }

  @Get('info')
  @ApiOperation({ summary: "Room counters of every scheduler of the token's games, optionally of one game" })
  @ApiQuery({ name: 'game', required: false })
  @ApiOkResponse({ type: SchedulersInfoResponse })
  async info(@CallerToken() caller: ApiToken, @Query('game') game?: string) {
    const infos = await this.schedulers.getSchedulersInfo(game || undefined);
    return { schedulers: infos.filter((info) => allowsGame(caller, info.game)).map(toSchedulerInfoJson) };
  }

  @Get(':schedulerName')
  @ApiOperation({ summary: 'Get the active scheduler, or one version of it' })
  @ApiQuery({ name: 'version', required: false })
  @ApiOkResponse({ type: GetSchedulerResponse })
  async get(@Param('schedulerName') name: string, @Query('version') version?: string) {
    return { scheduler: toSchedulerJson(await this.schedulers.getScheduler(name, version || undefined)) };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a scheduler; a create_scheduler operation creates its namespace' })
  @ApiOkResponse({ type: GetSchedulerResponse })
  async create(@Body() body: CreateSchedulerRequest) {
    const { scheduler } = await this.schedulers.createScheduler(toNewScheduler(body, body.name ?? ''));
    return { scheduler: toSchedulerJson(scheduler) };
  }

  @Post(':name')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a new version from a whole scheduler (minor or major, decided by the operation)' })
  @ApiOkResponse({ type: OperationIdResponse })
  async newVersion(@Param('name') name: string, @Body() body: NewSchedulerVersionRequest) {
    const operation = await this.schedulers.createNewSchedulerVersion(toNewScheduler(body, name));
    return { operationId: operation.id };
  }

  @Patch(':name')
  @ApiOperation({ summary: 'Create a new version by changing only the fields present' })
  @ApiOkResponse({ type: OperationIdResponse })
  async patch(@Param('name') name: string, @Body() body: PatchSchedulerRequest) {
    const operation = await this.schedulers.patchScheduler(name, toSchedulerPatch(body));
    return { operationId: operation.id };
  }

  @Put(':schedulerName')
  @ApiOperation({ summary: 'Switch the active version' })
  @ApiOkResponse({ type: OperationIdResponse })
  async switchActiveVersion(@Param('schedulerName') name: string, @Body() body: SwitchActiveVersionRequest) {
    const operation = await this.schedulers.switchActiveVersion(name, body.version ?? '');
    return { operationId: operation.id };
  }

  @Get(':schedulerName/versions')
  @ApiOperation({ summary: 'List every version, newest first' })
  @ApiOkResponse({ type: SchedulerVersionsResponse })
  async versions(@Param('schedulerName') name: string) {
    const versions = await this.schedulers.listSchedulerVersions(name);
    return { versions: versions.map(toSchedulerVersionJson) };
  }

  @Delete(':schedulerName')
  @ApiOperation({ summary: 'Delete the scheduler, its namespace and rooms (delete_scheduler operation)' })
  @ApiOkResponse({ type: OperationIdResponse })
  async delete(@Param('schedulerName') name: string) {
    const operation = await this.schedulers.deleteScheduler(name);
    return { operationId: operation.id };
  }

  @Post(':name/add-rooms')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add rooms now (add_rooms operation); autoscaling may later undo it' })
  @ApiOkResponse({ type: OperationIdResponse })
  async addRooms(@Param('name') name: string, @Body() body: RoomsAmountRequest) {
    const operation = await this.schedulers.addRooms(name, body.amount);
    return { operationId: operation.id };
  }

  @Post(':name/remove-rooms')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove rooms now (remove_rooms operation), by Maestro deletion priority' })
  @ApiOkResponse({ type: OperationIdResponse })
  async removeRooms(@Param('name') name: string, @Body() body: RoomsAmountRequest) {
    const operation = await this.schedulers.removeRooms(name, body.amount);
    return { operationId: operation.id };
  }
}
