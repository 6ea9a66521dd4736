import { HttpException } from '@nestjs/common';
import { type ApiToken, type Logger, type Permission, RoomTokenCheck, type TokenService, allowsEveryGame, authorizes, grants } from '@maestro/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AccessRule, type AccessRules, type GameScope, routeKey } from './access-rules';
import type { AuthFailureLimiter } from './auth-failure.limiter';
import { setCaller } from './caller';

/** What an app's RequestAuthenticator needs. */
export interface AuthSettings {
  /** Off: every route is open, as in Maestro. */
  enabled: boolean;
  /** The rule of every route; a route without one answers 500 (a test checks the table is complete). */
  rules: AccessRules;
  /** Checks management tokens. */
  tokens: TokenService;
  /** Key of the rooms' tokens (the rooms API). */
  roomSecret?: string;
  /** The game of a scheduler; undefined when there is no such scheduler. */
  gameOf(schedulerName: string): Promise<string | undefined>;
  limiter: AuthFailureLimiter;
}

/** 401, 403 and 429 of the authenticator; the error filter gives them Maestro's body (codes 16, 7 and 8). */
class AuthFailure extends HttpException {}

const unauthenticated = () => new AuthFailure('missing or unknown bearer token', 401);

/**
 * Checks a request against its route's {@link AccessRule}: a management token (`Authorization:
 * Bearer <secret>`) whose role and games allow the call, or a room's own token. No or unknown token
 * answers 401, a token that does not allow the call 403; an address that got too many 401s answers
 * 429 without being checked. Failures are logged with the address, never the credential. Free of
 * Nest's request pipeline: the AuthGuard runs it for controllers, and direct routes call it themselves.
 */
export class RequestAuthenticator {
  private readonly roomTokens?: RoomTokenCheck;

  constructor(
    private readonly settings: AuthSettings,
    private readonly logger: Logger,
  ) {
    if (settings.roomSecret) this.roomTokens = new RoomTokenCheck(settings.roomSecret);
  }

  /** Resolves when the request may go on (the caller recorded on it); throws the 401, 403, 429 or 500 otherwise. */
  async authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const key = routeKey(request.method, request.routeOptions.url ?? '');
    await this.admit(key, this.settings.rules[key], request, reply);
  }

  /**
   * {@link authenticate} for the requests of one route, its rule looked up once (direct routes). It
   * answers undefined when the request may go on at once (an open route, a room's own token: the
   * calls of every ping), else the promise of the whole check.
   */
  checkOf(method: string, url: string): (request: FastifyRequest, reply: FastifyReply) => Promise<void> | undefined {
    const key = routeKey(method, url);
    const rule = this.settings.rules[key];
    return (request, reply) => this.admit(key, rule, request, reply);
  }

  /** Undefined when the request is admitted without waiting; otherwise the check that may refuse it. */
  private admit(key: string, rule: AccessRule | undefined, request: FastifyRequest, reply: FastifyReply): Promise<void> | undefined {
    if (!rule) return Promise.reject(new Error(`route ${key} has no access rule`));
    if (!this.settings.enabled || rule.caller === 'anyone') return undefined;
    if (rule.caller === 'room' && !this.settings.limiter.isLimited(request.ip) && this.admitsRoom(rule, request)) return undefined;
    return this.apply(key, rule, request, reply);
  }

  /** The check of a request {@link admit} did not let through at once: a rate-limited address, or a credential to verify. */
  private async apply(key: string, rule: Exclude<AccessRule, { caller: 'anyone' }>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const address = request.ip;
    const { limiter } = this.settings;
    if (limiter.isLimited(address)) {
      void reply.header('retry-after', String(Math.ceil(limiter.retryAfterMs(address) / 1000)));
      throw new AuthFailure('too many authentication failures from this address, retry later', 429);
    }
    try {
      await this.check(rule, request);
    } catch (error) {
      if (error instanceof AuthFailure) {
        if (error.getStatus() === 401) {
          limiter.recordFailure(address);
          void reply.header('www-authenticate', 'Bearer');
        }
        this.logger.warn('request refused', { address, method: request.method, route: key, status: error.getStatus(), reason: error.message });
      }
      throw error;
    }
  }

  /** True, with the room recorded as the caller, when the request carries the token of the room it names. */
  private admitsRoom(rule: Extract<AccessRule, { caller: 'room' }>, request: FastifyRequest): boolean {
    const secret = bearerOf(request.headers.authorization);
    if (!secret || !this.roomTokens) return false;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const schedulerName = params[rule.scheduler] ?? '';
    const roomId = params[rule.room] ?? '';
    if (!this.roomTokens.accepts(schedulerName, roomId, secret)) return false;
    setCaller(request, { kind: 'room', schedulerName, roomId });
    return true;
  }

  private async check(rule: Exclude<AccessRule, { caller: 'anyone' }>, request: FastifyRequest): Promise<void> {
    const secret = bearerOf(request.headers.authorization);
    if (!secret) throw unauthenticated();
    if (rule.caller === 'room') {
      if (this.admitsRoom(rule, request)) return;
      const roomId = ((request.params ?? {}) as Record<string, string | undefined>)[rule.room] ?? '';
      const token = rule.orToken ? await this.settings.tokens.verify(secret) : undefined;
      if (!token || !rule.orToken) throw new AuthFailure(`not the token of room ${roomId}`, 403);
      await this.authorize(token, rule.orToken, { from: 'scheduler', param: rule.scheduler }, request);
      return;
    }
    const token = await this.settings.tokens.verify(secret);
    if (!token) throw unauthenticated();
    await this.authorize(token, rule.permission, rule.game, request);
  }

  private async authorize(token: ApiToken, permission: Permission, scope: GameScope, request: FastifyRequest): Promise<void> {
    const game = await this.gameIn(scope, token, request);
    const allowed = game === undefined ? grants(token, permission) : authorizes(token, permission, game);
    if (!allowed) {
      const where = game === undefined ? '' : ` in game "${game}"`;
      throw new AuthFailure(`token ${token.name} (${token.role}) may not ${permission}${where}`, 403);
    }
    setCaller(request, { kind: 'token', token });
  }

  /** The game the call touches; undefined when only the role matters. */
  private async gameIn(scope: GameScope, token: ApiToken, request: FastifyRequest): Promise<string | undefined> {
    switch (scope.from) {
      case 'none':
      case 'results':
        return undefined;
      case 'body': {
        const value = (request.body as Record<string, unknown> | undefined)?.[scope.field];
        return typeof value === 'string' ? value : '';
      }
      case 'scheduler': {
        // A token of every game needs no lookup: an unknown scheduler is the handler's 404.
        if (allowsEveryGame(token)) return undefined;
        const name = (request.params as Record<string, string | undefined>)[scope.param] ?? '';
        // A scheduler that does not exist is in none of the token's games.
        return (await this.settings.gameOf(name)) ?? '';
      }
    }
  }
}

/** The credential of `Authorization: Bearer <credential>` (scheme case-insensitive); undefined otherwise. */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header ?? '');
  return match?.[1];
}
