import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AutoscalingInsights, DECISIONS_DEFAULT_LIMIT, DECISIONS_MAX_LIMIT, InvalidArgumentError } from '@maestro/domain';
import { ListAutoscalingDecisionsResponse } from './dto/autoscaling-decision.response';

@ApiTags('Autoscaling')
@Controller('schedulers/:schedulerName/autoscaling')
export class AutoscalingController {
  constructor(@Inject(AutoscalingInsights) private readonly insights: AutoscalingInsights) {}

  @Get('decisions')
  @ApiOperation({ summary: 'The most recent autoscaling decisions of the health controller, newest first, each with why (not in Maestro)' })
  @ApiQuery({ name: 'limit', required: false, type: 'integer', description: `1 to ${DECISIONS_MAX_LIMIT}, ${DECISIONS_DEFAULT_LIMIT} by default` })
  @ApiOkResponse({ type: ListAutoscalingDecisionsResponse })
  async decisions(@Param('schedulerName') schedulerName: string, @Query('limit') limit?: string): Promise<ListAutoscalingDecisionsResponse> {
    const decisions = await this.insights.decisions(schedulerName, parseLimit(limit));
    return { decisions: decisions.map((d) => ({ ...d, at: d.at.toISOString() })) };
  }
}

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) {
    const message = `limit: invalid value "${raw}", an integer between 1 and ${DECISIONS_MAX_LIMIT}`;
    throw new InvalidArgumentError(message, [{ path: 'limit', message }]);
  }
  return Number(raw);
}
