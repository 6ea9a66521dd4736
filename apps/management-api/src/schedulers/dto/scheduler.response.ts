import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AutoscalingDto, ForwarderDto, MatchAllocationDto, PortRangeDto, SpecDto } from './scheduler-parts.request';
import { STRING_MAP_SCHEMA } from './string-map.validator';

/** Swagger schemas of the scheduler routes (the JSON itself is built by scheduler.response-mapper). */

export class SchedulerResponse {
  @ApiProperty() name!: string;
  @ApiProperty() game!: string;
  @ApiProperty({ enum: ['creating', 'in-sync', 'terminating', 'on-error'] }) state!: string;
  @ApiProperty({ type: PortRangeDto, nullable: true }) portRange!: PortRangeDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() maxSurge!: string;
  @ApiPropertyOptional({ description: 'Not in Maestro: absent when the scheduler keeps the default (20%)' }) rollbackThreshold?: string;
  @ApiProperty({ type: 'integer' }) roomsReplicas!: number;
  @ApiProperty({ type: SpecDto }) spec!: SpecDto;
  @ApiPropertyOptional({ type: AutoscalingDto }) autoscaling?: AutoscalingDto;
  @ApiProperty({ type: [ForwarderDto] }) forwarders!: ForwarderDto[];
  @ApiProperty(STRING_MAP_SCHEMA) annotations!: Record<string, string>;
  @ApiProperty(STRING_MAP_SCHEMA) labels!: Record<string, string>;
  @ApiProperty({ type: MatchAllocationDto }) matchAllocation!: MatchAllocationDto;
}

export class SchedulerSummaryResponse {
  @ApiProperty() name!: string;
  @ApiProperty() game!: string;
  @ApiProperty() state!: string;
  @ApiProperty({ example: 'v1.0.0' }) version!: string;
  @ApiProperty({ type: PortRangeDto, nullable: true }) portRange!: PortRangeDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() maxSurge!: string;
  @ApiProperty({ type: 'integer' }) roomsReplicas!: number;
  @ApiProperty({ type: MatchAllocationDto }) matchAllocation!: MatchAllocationDto;
}

export class AutoscalingInfoResponse {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: 'integer' }) min!: number;
  @ApiProperty({ type: 'integer' }) max!: number;
  @ApiProperty({ type: 'integer' }) cooldown!: number;
}

export class SchedulerInfoResponse {
  @ApiProperty() name!: string;
  @ApiProperty() game!: string;
  @ApiProperty() state!: string;
  @ApiProperty({ type: 'integer' }) roomsReplicas!: number;
  @ApiProperty({ type: 'integer' }) roomsReady!: number;
  @ApiProperty({ type: 'integer' }) roomsOccupied!: number;
  @ApiProperty({ type: 'integer' }) roomsPending!: number;
  @ApiProperty({ type: 'integer' }) roomsTerminating!: number;
  @ApiProperty({ type: AutoscalingInfoResponse, nullable: true }) autoscaling!: AutoscalingInfoResponse | null;
}

export class SchedulerVersionResponse {
  @ApiProperty() version!: string;
  @ApiProperty() isActive!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class GetSchedulerResponse {
  @ApiProperty({ type: SchedulerResponse }) scheduler!: SchedulerResponse;
}

export class ListSchedulersResponse {
  @ApiProperty({ type: [SchedulerSummaryResponse] }) schedulers!: SchedulerSummaryResponse[];
}

export class SchedulersInfoResponse {
  @ApiProperty({ type: [SchedulerInfoResponse] }) schedulers!: SchedulerInfoResponse[];
}

export class SchedulerVersionsResponse {
  @ApiProperty({ type: [SchedulerVersionResponse] }) versions!: SchedulerVersionResponse[];
}

export class OperationIdResponse {
  @ApiProperty({ format: 'uuid' }) operationId!: string;
}
