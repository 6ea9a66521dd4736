import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { OperationManager } from '@maestro/domain';
import { parseListOperationsQuery, type RawListOperationsQuery } from './dto/list-operations.query';
import { GetOperationResponse, ListOperationsResponse } from './dto/operation.response';
import { toOperationItemJson, toOperationJson } from './operation.response-mapper';

@ApiTags('Operations')
@Controller('schedulers/:schedulerName/operations')
export class OperationsController {
  constructor(@Inject(OperationManager) private readonly operations: OperationManager) {}

  @Get()
  @ApiOperation({ summary: "List a scheduler's operations of one stage (pending, active or final)" })
  @ApiQuery({ name: 'stage', required: true, enum: ['pending', 'active', 'final'] })
  @ApiQuery({ name: 'orderBy', required: false, example: 'createdAt desc' })
  @ApiQuery({ name: 'page', required: false, type: 'integer' })
  @ApiQuery({ name: 'perPage', required: false, type: 'integer' })
  @ApiOkResponse({ type: ListOperationsResponse })
  async list(@Param('schedulerName') schedulerName: string, @Query() query: RawListOperationsQuery) {
    const parsed = parseListOperationsQuery(query);
    const page = await this.operations.listOperations(schedulerName, parsed);
    const withLease = parsed.stage === 'active' && page.operations.every((op) => op.lease);
    return {
      page: page.page,
      pageSize: page.pageSize,
      total: page.total,
      operations: page.operations.map((op) => toOperationItemJson(op, withLease)),
    };
  }

  @Get(':operationId')
  @ApiOperation({ summary: 'Get one operation with its input and execution history' })
  @ApiOkResponse({ type: GetOperationResponse })
  async get(@Param('schedulerName') schedulerName: string, @Param('operationId') operationId: string) {
    return { operation: toOperationJson(await this.operations.getOperation(schedulerName, operationId)) };
  }

  @Post(':operationId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a pending operation at once, or signal a running one to stop' })
  @ApiOkResponse({ schema: { type: 'object', properties: {} } })
  async cancel(@Param('schedulerName') schedulerName: string, @Param('operationId') operationId: string) {
    await this.operations.cancelOperation(schedulerName, operationId);
    return {};
  }
}
