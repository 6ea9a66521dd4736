import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DecisionRoomsResponse {
  @ApiProperty({ type: 'integer' }) ready!: number;
  @ApiProperty({ type: 'integer' }) occupied!: number;
  @ApiProperty({ type: 'integer' }) pending!: number;
  @ApiProperty({ type: 'integer' }) terminating!: number;
  @ApiProperty({ type: 'integer' }) error!: number;
}

export class DecisionPolicyResponse {
  @ApiProperty({ example: 'roomOccupancy', description: "the autoscaling policy type, or 'roomsReplicas' when autoscaling is off" }) type!: string;
  @ApiPropertyOptional({ type: 'integer' }) min?: number;
  @ApiPropertyOptional({ type: 'integer', description: '-1: no upper limit' }) max?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'seconds' }) cooldown?: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) parameters!: Record<string, unknown>;
}

export class DecisionActionResponse {
  @ApiProperty({ enum: ['add', 'remove', 'none'] }) kind!: string;
  @ApiProperty({ type: 'integer' }) amount!: number;
  @ApiProperty({ type: 'string', nullable: true, description: 'the add_rooms or remove_rooms operation enqueued' }) operationId!: string | null;
}

export class AutoscalingDecisionResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'the health_controller operation that decided' }) operationId!: string;
  @ApiProperty({ type: DecisionRoomsResponse }) rooms!: DecisionRoomsResponse;
  @ApiProperty({ type: DecisionPolicyResponse }) policy!: DecisionPolicyResponse;
  @ApiProperty({ type: 'integer', description: 'available rooms counted by the run' }) current!: number;
  @ApiProperty({ type: 'integer' }) desired!: number;
  @ApiProperty({ type: [String], example: ['max'], description: 'min, max, maxSurge, downscalePolicy, cooldown, oldVersionRooms' }) limitedBy!: string[];
  @ApiProperty({ type: DecisionActionResponse }) action!: DecisionActionResponse;
  @ApiProperty({ example: '3 of 10 rooms ready, readyTarget 0.5 wants 14, capped by max 12: +2' }) reason!: string;
}

export class ListAutoscalingDecisionsResponse {
  @ApiProperty({ type: [AutoscalingDecisionResponse], description: 'newest first' }) decisions!: AutoscalingDecisionResponse[];
}
