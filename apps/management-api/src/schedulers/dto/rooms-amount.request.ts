import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional } from 'class-validator';

/** Body of POST /schedulers/{name}/add-rooms and /remove-rooms. */
export class RoomsAmountRequest {
  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, example: 5 })
  @IsOptional()
  @IsInt()
  amount?: number;
}
