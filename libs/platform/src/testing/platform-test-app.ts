import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Registry } from 'prom-client';
import { type MaestroAppOptions, createMaestroApp } from '../bootstrap';
import { METRICS_REGISTRY } from '../health/internal-api.controller';
import { createPinoLogger } from '../logging/logger';
import { PlatformModule } from '../platform.module';
import { ThingsController } from './things.controller';
import { THINGS_DIRECT_ROUTES, thingsAuthenticator } from './things.direct-routes';
import { RequestAuthenticator } from '../auth/request-authenticator';
import { DIRECT_ROUTES, type DirectRoute } from '../http/direct-routes';

/** A Nest app of the platform tests, driven through fastify inject (no socket). */
export interface PlatformTestApp {
  app: NestFastifyApplication;
  logs: Record<string, unknown>[];
  registry: Registry;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface PlatformTestAppOptions extends MaestroAppOptions {
  /**
   * The app's direct routes (THINGS_DIRECT_ROUTES by default) and the authenticator they use (none:
   * an app without authProviders); 'none' for an app that declares no direct routes at all.
   */
  direct?: { routes: DirectRoute[]; authenticator?: RequestAuthenticator } | 'none';
}

/**
 * Builds the things app with the platform (filter, pipe, parsers, metrics), its controller and its
 * direct routes, and log lines captured.
 */
export async function startPlatformTestApp(options: PlatformTestAppOptions = {}): Promise<PlatformTestApp> {
  const logs: Record<string, unknown>[] = [];
  const pino = createPinoLogger({
    service: 'platform-test',
    level: 'info',
    format: 'json',
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  });
  const direct = options.direct ?? { routes: THINGS_DIRECT_ROUTES, authenticator: thingsAuthenticator() };
  const providers =
    direct === 'none'
      ? []
      : [
          { provide: DIRECT_ROUTES, useValue: direct.routes },
          ...(direct.authenticator ? [{ provide: RequestAuthenticator, useValue: direct.authenticator }] : []),
        ];
  @Module({ imports: [PlatformModule.forApp(pino)], controllers: [ThingsController], providers })
  class ThingsModule {}
  const app = await createMaestroApp(ThingsModule, options);
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  return { app, logs, registry: app.get<Registry>(METRICS_REGISTRY), inject: (options) => fastify.inject(options) };
}
