import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, ValidateBy } from 'class-validator';

/** protobuf JSON int64: integer number or decimal string. */
const IsInt64 = () =>
  ValidateBy({
    name: 'isInt64',
    validator: {
      validate: (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && /^-?\d{1,18}$/.test(v)),
      defaultMessage: () => '$property must be an integer or a decimal string',
    },
  });

/** Body of the ping and (deprecated) status routes. */
export class RoomReportRequest {
  @ApiPropertyOptional({ enum: ['ready', 'occupied', 'terminating', 'terminated'], description: 'the status the room reports' })
  @IsOptional()
  @IsString()
  status?: string;
  @ApiPropertyOptional({ type: 'string', format: 'int64', description: 'ignored: Maestro stamps its own clock' }) @IsOptional() @IsInt64() timestamp?:
    string | number;
  @ApiPropertyOptional({ type: 'string', format: 'int64', description: 'matches the room hosts (occupied with 0 counts as 1)' })
  @IsOptional()
  @IsInt64()
  runningMatches?: string | number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'free form, forwarded with the event' })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}

/** Body of the roomevent and playerevent routes. */
export class RoomEventRequest {
  @ApiPropertyOptional({ description: 'the event name (playerJoin, playerLeft for player events)' }) @IsOptional() @IsString() event?: string;
  @ApiPropertyOptional({ type: 'string', format: 'int64', description: 'ignored' }) @IsOptional() @IsInt64() timestamp?: string | number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'free form, forwarded with the event' })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}
