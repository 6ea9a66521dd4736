import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Swagger schemas of the operations routes (the JSON itself is built by operation.response-mapper). */

export class LeaseResponse {
  @ApiProperty({ description: 'lease expiry, RFC 3339 UTC' }) ttl!: string;
}

export class OperationEventResponse {
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() event!: string;
}

export class ListOperationItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['pending', 'in_progress', 'finished', 'error', 'canceled', 'evicted'] }) status!: string;
  @ApiProperty({ example: 'create_scheduler' }) definitionName!: string;
  @ApiPropertyOptional({ type: LeaseResponse, description: 'only in the active stage listing' }) lease?: LeaseResponse;
  @ApiProperty() schedulerName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ description: "the name of the token that asked for it (not in Maestro); absent for the system's own operations" })
  requestedBy?: string;
}

export class OperationResponse extends ListOperationItemResponse {
  @ApiProperty({ type: 'object', additionalProperties: true }) input!: Record<string, unknown>;
  @ApiProperty({ type: [OperationEventResponse] }) executionHistory!: OperationEventResponse[];
}

export class ListOperationsResponse {
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: [ListOperationItemResponse] }) operations!: ListOperationItemResponse[];
}

export class GetOperationResponse {
  @ApiProperty({ type: OperationResponse }) operation!: OperationResponse;
}
