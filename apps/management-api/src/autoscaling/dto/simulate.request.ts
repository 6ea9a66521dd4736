import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { AutoscalingDto } from '../../schedulers/dto/scheduler-parts.request';

export class TracePointDto {
  @ApiProperty({ format: 'date-time' }) @IsISO8601() at!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) @IsInt() @Min(0) occupied!: number;
}

export class SimulateRequest {
  @ApiPropertyOptional({ type: AutoscalingDto, description: "the policy to simulate; the scheduler's own by default" })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutoscalingDto)
  autoscaling?: AutoscalingDto;

  @ApiPropertyOptional({ type: [AutoscalingDto], description: 'policies compared side by side, answered in this order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AutoscalingDto)
  candidates?: AutoscalingDto[];

  @ApiPropertyOptional({ example: '6h', description: 'replay the recorded occupied rooms of this last period (at most 24h); 1h by default' })
  @IsOptional()
  @IsString()
  since?: string;

  @ApiPropertyOptional({ type: [TracePointDto], description: 'or replay this demand: occupied rooms over time' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => TracePointDto)
  trace?: TracePointDto[];

  @ApiPropertyOptional({ type: 'integer', description: 'room start-up time; measured from the recorded history by default' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  startupDelaySeconds?: number;
}
