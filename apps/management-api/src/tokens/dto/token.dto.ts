import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@maestro/domain';
import { Allow } from 'class-validator';

/** Swagger schemas of the tokens routes (not in Maestro); the service validates the body itself. */

export class CreateTokenRequest {
  @Allow()
  @ApiProperty({ type: String, example: 'matchmaker-eu', description: '1 to 100 letters, digits, ".", "_", "@" or "-"; unique' })
  name?: unknown;
  @Allow()
  @ApiProperty({ enum: ROLES })
  role?: unknown;
  @Allow()
  @ApiProperty({ type: [String], example: ['my-game'], description: 'the games it may act in, ["*"] for every game' })
  games?: unknown;
}

export class TokenResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: [String] }) games!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CreatedTokenResponse {
  @ApiProperty({ type: TokenResponse }) token!: TokenResponse;
  @ApiProperty({ description: 'the bearer secret, shown this once only' }) secret!: string;
}

export class ListTokensResponse {
  @ApiProperty({ type: [TokenResponse] }) tokens!: TokenResponse[];
}

export class CurrentTokenResponse {
  @ApiProperty({ type: TokenResponse }) token!: TokenResponse;
}
