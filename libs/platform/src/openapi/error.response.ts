import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from '../http/grpc-status';

/** An error detail: a protobuf `Any` in Maestro's document (this implementation sends none). */
export class ErrorDetailResponse {
  @ApiPropertyOptional({ description: 'type URL of the detail message' }) '@type'?: string;
}

/** Schema of Maestro's error body (grpc-gateway's google.rpc.Status), as MaestroExceptionFilter sends it. */
export class ErrorResponse implements ErrorBody {
  @ApiProperty({ type: 'integer', format: 'int32', description: 'gRPC status code (3 invalid argument, 5 not found, 2 unknown...)' }) code!: number;
  @ApiProperty() message!: string;
  @ApiProperty({ type: [ErrorDetailResponse], description: 'always empty' }) details!: ErrorDetailResponse[];
}
