import type { INestApplication, INestApplicationContext, Type } from '@nestjs/common';
import { ModuleRef, NestFactory } from '@nestjs/core';
import { UnknownElementException } from '@nestjs/core/errors/exceptions';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { MaestroConfig } from '@maestro/config';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from './health/internal-api.controller';
import { type InternalApiOptions, InternalApiModule } from './health/internal-api.module';
import type { ReadinessCheck } from './health/readiness-check';
import { RequestAuthenticator } from './auth/request-authenticator';
import { DIRECT_ROUTES, type DirectRoute, mountDirectRoutes } from './http/direct-routes';
import { ErrorAnswers } from './http/error-answers';
import { BODY_LIMIT, configureJsonBodies } from './http/fastify-edge';
import { LeanFastifyAdapter } from './http/lean-fastify-adapter';
import { RouteRegistry } from './http/route-registry';
import { closeWithin } from './http/shutdown-deadline';
import { PinoNestLogger } from './logging/logger';
import { instrumentHttp } from './metrics/http-metrics';
import { PINO } from './platform.module';

export interface BootstrapOptions {
  /** Ports and internal API switches of the component (api.port, internalApi.*). */
  config?: Pick<MaestroConfig, 'component' | 'api' | 'internalApi'>;
  /** Public API port, overriding config.api.port (0: any free port). */
  port?: number;
  /** Internal API port, overriding config.internalApi.port (0: any free port). */
  internalPort?: number;
  /** Address to listen on; all interfaces by default. */
  host?: string;
  /** Token of the app's ReadinessCheck[] provider (e.g. Postgres and Redis). */
  readinessToken?: symbol;
  /** Time each readiness check gets (Maestro's 2 s by default). */
  readinessTimeoutMs?: number;
  /** Extra set-up before listening (Swagger...). */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
}

/** Options of createMaestroApp. */
export interface MaestroAppOptions extends Pick<BootstrapOptions, 'configure'> {
  /** Time requests in flight get when the app closes (api.gracefulShutdownTimeout); unbounded if unset. */
  shutdownDeadlineMs?: number;
}

export interface RunningApp {
  app: NestFastifyApplication;
  internal: INestApplication;
  close(): Promise<void>;
}

/**
 * Builds (without starting) a Nest app on Fastify with Maestro's HTTP conventions: pino logs,
 * JSON bodies as grpc-gateway reads them, routing errors 404/501, request metrics, and the app's
 * direct routes (DIRECT_ROUTES, which need its authProviders). The module must import PlatformModule. Call init() (tests, fastify inject) or listen() on the result.
 */
export async function createMaestroApp(module: unknown, options: MaestroAppOptions = {}): Promise<NestFastifyApplication> {
  // No Nest middleware anywhere (the edge is Fastify hooks and parsers, fastify-edge.ts), nor the
  // adapter's own hooks: every request skips them, a measurable share of a ping (bench/README.md).
  const app = await NestFactory.create<NestFastifyApplication>(module as never, new LeanFastifyAdapter(), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(new PinoNestLogger(app.get(PINO)));
  const fastify = app.getHttpAdapter().getInstance();
  app.get(RouteRegistry).attach(fastify);
  configureJsonBodies(fastify, app.get<number>(BODY_LIMIT));
  instrumentHttp(fastify, app.get<Registry>(METRICS_REGISTRY));
  const direct = providedIn<DirectRoute[]>(app, DIRECT_ROUTES);
  if (direct) {
    const authenticator = providedIn<RequestAuthenticator>(app, RequestAuthenticator);
    if (!authenticator) throw new Error("direct routes need the app's authProviders: each is checked against its access rule");
    mountDirectRoutes(fastify, direct, { authenticator, errors: app.get(ErrorAnswers) });
  }
  if (options.shutdownDeadlineMs !== undefined) closeWithin(fastify, options.shutdownDeadlineMs);
  await options.configure?.(app);
  return app;
}

/**
 * What the app provides under `token`; undefined when nothing is. Asked of the app's ModuleRef:
 * the app's own get() runs in Nest's exception zone, which logs a missing provider as an error.
 */
export function providedIn<T>(app: INestApplicationContext, token: symbol | Type<T>): T | undefined {
  try {
    return app.get(ModuleRef).get<T>(token, { strict: false });
  } catch (error) {
    if (error instanceof UnknownElementException) return undefined;
    throw error;
  }
}

/** Builds (without starting) the internal API app: /health, /healthz, /readyz, /metrics. */
export async function createInternalApp(
  checks: ReadinessCheck[],
  registry: Registry,
  options: InternalApiOptions & { shutdownDeadlineMs?: number } = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(InternalApiModule.forRoot(checks, registry, options), new LeanFastifyAdapter(), {
    logger: false,
  });
  if (options.shutdownDeadlineMs !== undefined) closeWithin(app.getHttpAdapter().getInstance(), options.shutdownDeadlineMs);
  return app;
}

/**
 * Starts an app: the public API on `port` (else config.api.port; none for the worker) and the
 * internal API on `internalPort` (else config.internalApi.port). Signals are the process's
 * business: its main hands the result to exitOnSignals.
 * `/readyz` runs the checks provided under `readinessToken`, less Postgres when
 * internalApi.skipPostgresCheck is set.
 */
export async function bootstrapApp(module: unknown, options: BootstrapOptions): Promise<RunningApp> {
  const { config } = options;
  const port = options.port ?? (config && config.component !== 'worker' ? config.api.port : undefined);
  return start(module, options, port);
}

/** Starts an app without public API (the worker): only the internal API listens. */
export async function bootstrapWorker(module: unknown, options: Omit<BootstrapOptions, 'port' | 'configure'>): Promise<RunningApp> {
  return start(module, options, undefined);
}

async function start(module: unknown, options: BootstrapOptions, port: number | undefined): Promise<RunningApp> {
  const internalPort = options.internalPort ?? options.config?.internalApi.port;
  if (internalPort === undefined) throw new Error('bootstrap needs an internal API port (internalPort or config)');
  const host = options.host ?? '0.0.0.0';
  const app = await createMaestroApp(module, { configure: options.configure, shutdownDeadlineMs: options.config?.api.gracefulShutdownTimeoutMs });
  if (port !== undefined) await app.listen(port, host);
  else await app.init();

  const internalApi = options.config?.internalApi;
  const provided: ReadinessCheck[] = options.readinessToken ? app.get(options.readinessToken) : [];
  const checks = internalApi?.skipPostgresCheck ? provided.filter((check) => check.name !== 'postgres') : provided;
  const internal = await createInternalApp(checks, app.get<Registry>(METRICS_REGISTRY), {
    healthcheckEnabled: internalApi?.healthcheckEnabled,
    metricsEnabled: internalApi?.metricsEnabled,
    readinessTimeoutMs: options.readinessTimeoutMs,
    shutdownDeadlineMs: internalApi?.gracefulShutdownTimeoutMs,
  });
  await internal.listen(internalPort, host);
  app.get(PINO).info({ port, internal_port: internalPort }, 'listening');
  return {
    app,
    internal,
    close: async () => {
      await internal.close();
      await app.close();
    },
  };
}
