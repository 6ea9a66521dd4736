import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsNumber, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { IsInt32 } from './int32.validator';
import { IsInt64 } from './int64.validator';

/** Request parts shared by create, new version and patch (proto messages of Maestro's API). */

export class PortRangeDto {
  @ApiPropertyOptional({ type: 'integer', format: 'int32' }) @IsOptional() @IsInt32() start?: number;
  @ApiPropertyOptional({ type: 'integer', format: 'int32' }) @IsOptional() @IsInt32() end?: number;
}

export class FieldRefDto {
  @ApiPropertyOptional() @IsOptional() @IsString() fieldPath?: string;
}

export class SecretKeyRefDto {
  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() key?: string;
}

export class EnvValueFromDto {
  @ApiPropertyOptional({ type: FieldRefDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FieldRefDto)
  fieldRef?: FieldRefDto;
  @ApiPropertyOptional({ type: SecretKeyRefDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SecretKeyRefDto)
  secretKeyRef?: SecretKeyRefDto;
}

export class ContainerEnvironmentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() value?: string;
  @ApiPropertyOptional({ type: EnvValueFromDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnvValueFromDto)
  valueFrom?: EnvValueFromDto;
}

export class ContainerResourcesDto {
  @ApiPropertyOptional({ example: '100Mi' }) @IsOptional() @IsString() memory?: string;
  @ApiPropertyOptional({ example: '100m' }) @IsOptional() @IsString() cpu?: string;
}

export class ContainerPortDto {
  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional({ enum: ['tcp', 'udp', 'sctp'] }) @IsOptional() @IsString() protocol?: string;
  @ApiPropertyOptional({ type: 'integer', format: 'int32' }) @IsOptional() @IsInt32() port?: number;
  @ApiPropertyOptional({ type: 'integer', format: 'int32' }) @IsOptional() @IsInt32() hostPort?: number;
  @ApiPropertyOptional({ type: PortRangeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortRangeDto)
  hostPortRange?: PortRangeDto;
}

export class ContainerDto {
  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() image?: string;
  @ApiPropertyOptional({ enum: ['Always', 'Never', 'IfNotPresent'] }) @IsOptional() @IsString() imagePullPolicy?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) command?: string[];
  @ApiPropertyOptional({ type: [ContainerEnvironmentDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ContainerEnvironmentDto)
  environment?: ContainerEnvironmentDto[];
  @ApiPropertyOptional({ type: ContainerResourcesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContainerResourcesDto)
  requests?: ContainerResourcesDto;
  @ApiPropertyOptional({ type: ContainerResourcesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContainerResourcesDto)
  limits?: ContainerResourcesDto;
  @ApiPropertyOptional({ type: [ContainerPortDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ContainerPortDto)
  ports?: ContainerPortDto[];
}

export class SpecDto {
  @ApiPropertyOptional({ description: 'ignored on input; Maestro computes versions' }) @IsOptional() @IsString() version?: string;
  @ApiPropertyOptional({ example: '100s', description: 'protobuf Duration' }) @IsOptional() @IsString() terminationGracePeriod?: string;
  @ApiPropertyOptional({ type: [ContainerDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ContainerDto)
  containers?: ContainerDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() toleration?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() affinity?: string;
  @ApiPropertyOptional({ enum: ['Always', 'OnFailure', 'Never'] }) @IsOptional() @IsString() restartPolicy?: string;
}

export class ForwarderOptionsDto {
  @ApiPropertyOptional({ type: 'string', format: 'int64', description: 'milliseconds' }) @IsOptional() @IsInt64() timeout?: string | number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class ForwarderDto {
  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enable?: boolean;
  @ApiPropertyOptional({ enum: ['gRPC'] }) @IsOptional() @IsString() type?: string;
  @ApiPropertyOptional({ example: 'matchmaker:8080' }) @IsOptional() @IsString() address?: string;
  @ApiPropertyOptional({ type: ForwarderOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ForwarderOptionsDto)
  options?: ForwarderOptionsDto;
}

const ALLOCATION_BUFFER = 'not in Maestro: extra rooms = peak allocations per minute of the last 5 minutes times this (autoscaling.md)';

export class RoomOccupancyDto {
  @ApiPropertyOptional({ type: 'number', format: 'float' }) @IsOptional() @IsNumber() readyTarget?: number;
  @ApiPropertyOptional({ type: 'number', format: 'float' }) @IsOptional() @IsNumber() downThreshold?: number;
  @ApiPropertyOptional({ type: 'number', description: ALLOCATION_BUFFER }) @IsOptional() @IsNumber() allocationBufferMinutes?: number;
}

export class FixedBufferDto {
  @ApiPropertyOptional({ type: 'integer', format: 'int32' }) @IsOptional() @IsInt32() amount?: number;
  @ApiPropertyOptional({ type: 'number', description: ALLOCATION_BUFFER }) @IsOptional() @IsNumber() allocationBufferMinutes?: number;
}

/**
 * The inner policies of a schedule or a webhook are AutoscalingPolicyDto, declared further down
 * (the classes refer to each other). The alias keeps the emitted design-type metadata from reading
 * that class before its declaration, which throws at module load.
 */
type InnerPolicyDto = AutoscalingPolicyDto;

export class ScheduleEntryDto {
  @ApiPropertyOptional({ description: 'five-field cron, read in the timezone', example: '0 18 * * *' }) @IsOptional() @IsString() cron?: string;
  @ApiPropertyOptional({ description: 'how long the window lasts', example: '4h' }) @IsOptional() @IsString() duration?: string;
  @ApiPropertyOptional({ type: () => AutoscalingPolicyDto, description: 'a roomOccupancy or fixedBuffer policy' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutoscalingPolicyDto)
  policy?: InnerPolicyDto;
}

export class ScheduleDto {
  @ApiPropertyOptional({ example: 'UTC' }) @IsOptional() @IsString() timezone?: string;
  @ApiPropertyOptional({ type: [ScheduleEntryDto], description: 'the first open window applies' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ScheduleEntryDto)
  entries?: ScheduleEntryDto[];
  @ApiPropertyOptional({ type: () => AutoscalingPolicyDto, description: 'applies outside every window' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutoscalingPolicyDto)
  default?: InnerPolicyDto;
}

export class WebhookDto {
  @ApiPropertyOptional({ description: 'http(s) URL the status is POSTed to; an address allowed for forwarders' }) @IsOptional() @IsString() url?: string;
  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 100, maximum: 10000 }) @IsOptional() @IsInt32() timeoutMs?: number;
  @ApiPropertyOptional({ type: () => AutoscalingPolicyDto, description: 'a roomOccupancy or fixedBuffer policy, applied when the hook fails' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutoscalingPolicyDto)
  fallback?: InnerPolicyDto;
}

export class PolicyParametersDto {
  @ApiPropertyOptional({ type: RoomOccupancyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoomOccupancyDto)
  roomOccupancy?: RoomOccupancyDto;
  @ApiPropertyOptional({ type: FixedBufferDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FixedBufferDto)
  fixedBuffer?: FixedBufferDto;
  @ApiPropertyOptional({ type: ScheduleDto, description: 'not in Maestro (autoscaling.md)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule?: ScheduleDto;
  @ApiPropertyOptional({ type: WebhookDto, description: 'not in Maestro (autoscaling.md)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebhookDto)
  webhook?: WebhookDto;
}

export class AutoscalingPolicyDto {
  @ApiPropertyOptional({ enum: ['roomOccupancy', 'fixedBuffer', 'schedule', 'webhook'] }) @IsOptional() @IsString() type?: string;
  @ApiPropertyOptional({ type: () => PolicyParametersDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PolicyParametersDto)
  parameters?: PolicyParametersDto;
}

export class AutoscalingDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ type: 'integer', format: 'int32' }) @IsOptional() @IsInt32() min?: number;
  @ApiPropertyOptional({ type: 'integer', format: 'int32', description: '-1 = no upper limit' }) @IsOptional() @IsInt32() max?: number;
  @ApiPropertyOptional({ type: AutoscalingPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AutoscalingPolicyDto)
  policy?: AutoscalingPolicyDto;
  @ApiPropertyOptional({ type: 'integer', format: 'int32', description: 'seconds' }) @IsOptional() @IsInt32() cooldown?: number;
}

export class MatchAllocationDto {
  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 35 }) @IsOptional() @IsInt32() maxMatches?: number;
}
