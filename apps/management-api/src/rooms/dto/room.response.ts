import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Swagger schemas of the rooms routes (not in Maestro); the JSON is built by room.response-mapper. */

export class RoomPortResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) port!: number;
  @ApiProperty({ example: 'UDP' }) protocol!: string;
}

export class RoomResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['pending', 'unready', 'ready', 'occupied', 'terminating', 'error', 'terminated', 'active', 'allocated'] }) status!: string;
  @ApiProperty({ description: 'the status the room last reported in a ping' }) pingStatus!: string;
  @ApiProperty({ description: 'the scheduler version the room runs' }) version!: string;
  @ApiProperty({ format: 'date-time' }) lastPingAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'integer' }) runningMatches!: number;
  @ApiProperty() isValidationRoom!: boolean;
  @ApiPropertyOptional({ description: "the instance's host, once the runtime reported it" }) host?: string;
  @ApiProperty({ type: [RoomPortResponse] }) ports!: RoomPortResponse[];
}

export class ListRoomsResponse {
  @ApiProperty({ type: [RoomResponse] }) rooms!: RoomResponse[];
}

export class RoomSampleResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'integer' }) ready!: number;
  @ApiProperty({ type: 'integer' }) occupied!: number;
  @ApiProperty({ type: 'integer' }) pending!: number;
  @ApiProperty({ type: 'integer' }) terminating!: number;
  @ApiProperty({ type: 'integer' }) error!: number;
}

export class RoomHistoryResponse {
  @ApiProperty({ type: [RoomSampleResponse] }) samples!: RoomSampleResponse[];
}
