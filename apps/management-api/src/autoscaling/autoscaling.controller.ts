import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  AutoscalingInsights,
  AutoscalingSimulator,
  autoscalingFromJson,
  DECISIONS_DEFAULT_LIMIT,
  DECISIONS_MAX_LIMIT,
  InvalidArgumentError,
  type SimulationResult,
} from '@maestro/domain';
import { ListAutoscalingDecisionsResponse } from './dto/autoscaling-decision.response';
import { SimulateRequest } from './dto/simulate.request';
import { SimulateResponse, type SimulationResponse } from './dto/simulate.response';

@ApiTags('Autoscaling')
@Controller('schedulers/:schedulerName/autoscaling')
export class AutoscalingController {
  constructor(
    @Inject(AutoscalingInsights) private readonly insights: AutoscalingInsights,
    @Inject(AutoscalingSimulator) private readonly simulator: AutoscalingSimulator,
  ) {}

  @Get('decisions')
  @ApiOperation({ summary: 'The most recent autoscaling decisions of the health controller, newest first, each with why (not in Maestro)' })
  @ApiQuery({ name: 'limit', required: false, type: 'integer', description: `1 to ${DECISIONS_MAX_LIMIT}, ${DECISIONS_DEFAULT_LIMIT} by default` })
  @ApiOkResponse({ type: ListAutoscalingDecisionsResponse })
  async decisions(@Param('schedulerName') schedulerName: string, @Query('limit') limit?: string): Promise<ListAutoscalingDecisionsResponse> {
    const decisions = await this.insights.decisions(schedulerName, parseLimit(limit));
    return { decisions: decisions.map((d) => ({ ...d, at: d.at.toISOString() })) };
  }

  @Post('simulate')
  @HttpCode(200)
  @ApiOperation({ summary: "Replay recorded or given demand through the health controller's decision, for one policy or several (not in Maestro)" })
  @ApiOkResponse({ type: SimulateResponse })
  async simulate(@Param('schedulerName') schedulerName: string, @Body() body: SimulateRequest): Promise<SimulateResponse> {
    const results = await this.simulator.simulate(schedulerName, {
      autoscaling: body.autoscaling ? autoscalingFromJson(body.autoscaling) : undefined,
      candidates: body.candidates?.map((candidate) => autoscalingFromJson(candidate)),
      since: body.since,
      trace: body.trace?.map((point) => ({ at: new Date(point.at), occupied: point.occupied })),
      startupDelaySeconds: body.startupDelaySeconds,
    });
    return body.candidates ? { candidates: results.map(toJson) } : toJson(results[0]);
  }
}

function toJson(result: SimulationResult): SimulationResponse {
  return { steps: result.steps.map((step) => ({ ...step, at: step.at.toISOString() })), summary: result.summary };
}

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) {
    const message = `limit: invalid value "${raw}", an integer between 1 and ${DECISIONS_MAX_LIMIT}`;
    throw new InvalidArgumentError(message, [{ path: 'limit', message }]);
  }
  return Number(raw);
}
