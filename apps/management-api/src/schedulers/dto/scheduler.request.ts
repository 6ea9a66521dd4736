import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { IsInt32 } from './int32.validator';
import { AutoscalingDto, ForwarderDto, MatchAllocationDto, PortRangeDto, SpecDto } from './scheduler-parts.request';
import { IsStringMap, STRING_MAP_SCHEMA } from './string-map.validator';

/** Body of POST /schedulers/{name}: a whole scheduler (the name comes from the path). */
export class NewSchedulerVersionRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() game?: string;
  @ApiPropertyOptional({ type: SpecDto }) @IsOptional() @ValidateNested() @Type(() => SpecDto) spec?: SpecDto;
  @ApiPropertyOptional({ type: PortRangeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortRangeDto)
  portRange?: PortRangeDto;
  @ApiPropertyOptional({ example: '10%' }) @IsOptional() @IsString() maxSurge?: string;
  @ApiPropertyOptional({
    example: '20%',
    description:
      'Not in Maestro: failed rooms of a new major version that stop its rolling update and restore the previous version; N rooms (0: never) or N% of the fleet; 20% when unset',
  })
  @IsOptional()
  @IsString()
  rollbackThreshold?: string;
  @ApiPropertyOptional({ type: 'integer', format: 'int32' }) @IsOptional() @IsInt32() roomsReplicas?: number;
  @ApiPropertyOptional({ type: AutoscalingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutoscalingDto)
  autoscaling?: AutoscalingDto;
  @ApiPropertyOptional({ type: [ForwarderDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ForwarderDto)
  forwarders?: ForwarderDto[];
  @ApiPropertyOptional(STRING_MAP_SCHEMA) @IsOptional() @IsStringMap() annotations?: Record<string, string>;
  @ApiPropertyOptional(STRING_MAP_SCHEMA) @IsOptional() @IsStringMap() labels?: Record<string, string>;
  @ApiPropertyOptional({ type: MatchAllocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchAllocationDto)
  matchAllocation?: MatchAllocationDto;
}

/** Body of POST /schedulers. */
export class CreateSchedulerRequest extends NewSchedulerVersionRequest {
  @ApiPropertyOptional({ example: 'my-scheduler' }) @IsOptional() @IsString() name?: string;
}

/** Body of PUT /schedulers/{schedulerName}. */
export class SwitchActiveVersionRequest {
  @ApiPropertyOptional({ example: 'v1.1.0' }) @IsOptional() @IsString() version?: string;
}
