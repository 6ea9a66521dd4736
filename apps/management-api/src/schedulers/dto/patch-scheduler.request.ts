import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ContainerDto } from './scheduler-parts.request';
import { NewSchedulerVersionRequest } from './scheduler.request';

/** OptionalSpec: the spec fields a PATCH may change. */
export class PatchSpecDto {
  @ApiPropertyOptional({ example: '100s' }) @IsOptional() @IsString() terminationGracePeriod?: string;
  @ApiPropertyOptional({ type: [ContainerDto], description: 'merged with the current containers by index' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ContainerDto)
  containers?: ContainerDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() toleration?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() affinity?: string;
}

/**
 * Body of PATCH /schedulers/{name}: only the fields present change. The fields of a new version,
 * but `game`, and a spec whose fields are all optional.
 */
export class PatchSchedulerRequest extends OmitType(NewSchedulerVersionRequest, ['game', 'spec'] as const) {
  @ApiPropertyOptional({ type: PatchSpecDto }) @IsOptional() @ValidateNested() @Type(() => PatchSpecDto) spec?: PatchSpecDto;
}
