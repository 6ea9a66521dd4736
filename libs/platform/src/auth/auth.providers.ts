import type { Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { MAESTRO_CONFIG, type MaestroConfig } from '@maestro/config';
import { CLOCK, LOGGER, type Logger, SchedulerLookup, TOKEN_REVOCATIONS, TOKEN_STORAGE, TokenService, isNotFound } from '@maestro/domain';
import type { AccessRules } from './access-rules';
import { AuthFailureLimiter } from './auth-failure.limiter';
import { AuthGuard } from './auth.guard';
import { RequestAuthenticator } from './request-authenticator';
import { RequestContextInterceptor } from './request-context';

/** TokenService: the management tokens on TOKEN_STORAGE, with MAESTRO_API_AUTH_BOOTSTRAPTOKEN. */
export const tokenServiceProvider: Provider = {
  provide: TokenService,
  inject: [TOKEN_STORAGE, TOKEN_REVOCATIONS, CLOCK, MAESTRO_CONFIG],
  useFactory: (storage, revocations, clock, config: MaestroConfig) =>
    new TokenService({ storage, revocations, clock }, { bootstrapToken: config.auth.api.bootstrapToken || undefined }),
};

/**
 * Authentication of a public API: TokenService, the RequestAuthenticator of `rules` (run by the
 * AuthGuard on every controller route, and by direct routes themselves), and, for
 * the management API, the request context that names the caller in the operations it creates. `api`
 * says which switch applies: the management API's or the rooms API's. Needs SchedulerLookup and the
 * storage ports. The rooms API creates no operation, so nothing there reads the caller: without the
 * interceptor its routes skip Nest's per-request Observable chain and AsyncResource binding, and no
 * AsyncLocalStorage scope makes every promise pay the async hooks (bench/README.md, ping).
 */
export function authProviders(rules: AccessRules, api: 'management' | 'rooms'): Provider[] {
  return [
    tokenServiceProvider,
    {
      provide: RequestAuthenticator,
      inject: [MAESTRO_CONFIG, TokenService, SchedulerLookup, CLOCK, LOGGER],
      useFactory: (config: MaestroConfig, tokens: TokenService, schedulers: SchedulerLookup, clock, logger: Logger) =>
        new RequestAuthenticator(
          {
            enabled: api === 'management' ? config.auth.api.enabled : config.auth.roomsApi.enabled,
            rules,
            tokens,
            roomSecret: api === 'rooms' ? config.auth.roomsApi.secret || undefined : undefined,
            gameOf: (name) =>
              schedulers.get(name).then(
                (scheduler) => scheduler.game,
                (error: unknown) => {
                  if (isNotFound(error)) return undefined;
                  throw error;
                },
              ),
            limiter: new AuthFailureLimiter(config.auth.api.failureLimit, clock),
          },
          logger,
        ),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    ...(api === 'management' ? [{ provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor }] : []),
  ];
}
