import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { IsInt32 } from './int32.validator';
import { AutoscalingDto, ContainerDto, ForwarderDto, MatchAllocationDto, PortRangeDto } from './scheduler-parts.request';
import { IsStringMap, STRING_MAP_SCHEMA } from './string-map.validator';

/** OptionalSpec: the spec fields a PATCH may change. */
export class PatchSpecDto {
  @ApiPropertyOptional({ example: '100s' }) @IsOptional() @IsString() terminationGracePeriod?: string;
  @ApiPropertyOptional({ type: [ContainerDto], description: 'merged with the current containers by index' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ContainerDto) containers?: ContainerDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() toleration?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() affinity?: string;
}

/** Body of PATCH /schedulers/{name}: only the fields present change. */
export class PatchSchedulerRequest {
  @ApiPropertyOptional({ type: PatchSpecDto }) @IsOptional() @ValidateNested() @Type(() => PatchSpecDto) spec?: PatchSpecDto;
  @ApiPropertyOptional({ type: PortRangeDto })
  @IsOptional() @ValidateNested() @Type(() => PortRangeDto) portRange?: PortRangeDto;
  @ApiPropertyOptional() @IsOptional() @IsString() maxSurge?: string;
  @ApiPropertyOptional({ type: 'integer', format: 'int32' }) @IsOptional() @IsInt32() roomsReplicas?: number;
  @ApiPropertyOptional({ type: AutoscalingDto })
  @IsOptional() @ValidateNested() @Type(() => AutoscalingDto) autoscaling?: AutoscalingDto;
  @ApiPropertyOptional({ type: [ForwarderDto] })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ForwarderDto) forwarders?: ForwarderDto[];
  @ApiPropertyOptional(STRING_MAP_SCHEMA) @IsOptional() @IsStringMap() annotations?: Record<string, string>;
  @ApiPropertyOptional(STRING_MAP_SCHEMA) @IsOptional() @IsStringMap() labels?: Record<string, string>;
  @ApiPropertyOptional({ type: MatchAllocationDto })
  @IsOptional() @ValidateNested() @Type(() => MatchAllocationDto) matchAllocation?: MatchAllocationDto;
}
