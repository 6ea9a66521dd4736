import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ApiToken, TokenService } from '@maestro/domain';
import { CallerToken } from '@maestro/platform';
import { formatTimestamp } from '../wire/wire-format';
import { CreatedTokenResponse, CreateTokenRequest, CurrentTokenResponse, ListTokensResponse } from './dto/token.dto';

const toTokenJson = (token: ApiToken) => ({
  id: token.id,
  name: token.name,
  role: token.role,
  games: [...token.games],
  createdAt: formatTimestamp(token.createdAt),
});

/** The management API's tokens (not in Maestro): admin only, but `current`. */
@ApiTags('Tokens')
@Controller('tokens')
export class TokensController {
  constructor(@Inject(TokenService) private readonly tokens: TokenService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a token; its secret is answered this once (admin)' })
  @ApiOkResponse({ type: CreatedTokenResponse })
  async create(@Body() body: CreateTokenRequest): Promise<CreatedTokenResponse> {
    const { token, secret } = await this.tokens.createToken(body ?? {});
    return { token: toTokenJson(token), secret };
  }

  @Get()
  @ApiOperation({ summary: 'List the tokens, without their secrets (admin)' })
  @ApiOkResponse({ type: ListTokensResponse })
  async list(): Promise<ListTokensResponse> {
    return { tokens: (await this.tokens.listTokens()).map(toTokenJson) };
  }

  @Get('current')
  @ApiOperation({ summary: "The caller's own token (any role); an anonymous admin when authentication is off" })
  @ApiOkResponse({ type: CurrentTokenResponse })
  current(@CallerToken() token: ApiToken): CurrentTokenResponse {
    return { token: toTokenJson(token) };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a token, at once on every replica (admin)' })
  @ApiOkResponse({ schema: { type: 'object', properties: {} } })
  async revoke(@Param('id') id: string): Promise<Record<string, never>> {
    await this.tokens.revokeToken(id);
    return {};
  }
}
