import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInt32 } from './int32.validator';

/** Body of POST /schedulers/{name}/add-rooms and /remove-rooms. */
export class RoomsAmountRequest {
  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, example: 5 })
  @IsOptional()
  @IsInt32()
  amount?: number;
}
