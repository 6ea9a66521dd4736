import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from './health/internal-api.controller';
import { InternalApiModule } from './health/internal-api.module';
import type { ReadinessCheck } from './health/readiness-check';
import { configureJsonBodies } from './http/fastify-edge';
import { RouteRegistry } from './http/route-registry';
import { PinoNestLogger } from './logging/logger';
import { instrumentHttp } from './metrics/http-metrics';
import { PINO } from './platform.module';

export interface BootstrapOptions {
  /** Public API port; omitted for apps without a public API (the worker). */
  port?: number;
  internalPort: number;
  host?: string;
  /** Token of the app's ReadinessCheck[] provider (e.g. Postgres and Redis). */
  readinessToken?: symbol;
  /** Extra set-up before listening (Swagger...). */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
}

export interface RunningApp {
  app: NestFastifyApplication;
  internal: INestApplication;
  close(): Promise<void>;
}

/**
 * Builds a Nest app on Fastify with Maestro's HTTP conventions and starts it, plus the internal
 * API (health, readiness, metrics) on its own port. The module must import PlatformModule.
 */
export async function bootstrapApp(module: unknown, options: BootstrapOptions): Promise<RunningApp> {
  const app = await NestFactory.create<NestFastifyApplication>(module as never, new FastifyAdapter(), {
    bodyParser: false,
    bufferLogs: true,
  });
  const pino = app.get(PINO);
  app.useLogger(new PinoNestLogger(pino));
  const fastify = app.getHttpAdapter().getInstance();
  app.get(RouteRegistry).attach(fastify);
  configureJsonBodies(fastify);
  const registry = app.get<Registry>(METRICS_REGISTRY);
  instrumentHttp(fastify, registry);
  await options.configure?.(app);
  app.enableShutdownHooks();
  const host = options.host ?? '0.0.0.0';
  if (options.port !== undefined) await app.listen(options.port, host);
  else await app.init();

  const checks: ReadinessCheck[] = options.readinessToken ? app.get(options.readinessToken) : [];
  const internal = await NestFactory.create<NestFastifyApplication>(InternalApiModule.forRoot(checks, registry), new FastifyAdapter(), {
    logger: false,
  });
  await internal.listen(options.internalPort, host);
  pino.info({ port: options.port, internalPort: options.internalPort }, 'listening');
  return {
    app,
    internal,
    close: async () => {
      await internal.close();
      await app.close();
    },
  };
}
