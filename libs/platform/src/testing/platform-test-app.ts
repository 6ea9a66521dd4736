import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Registry } from 'prom-client';
import { type MaestroAppOptions, createMaestroApp } from '../bootstrap';
import { METRICS_REGISTRY } from '../health/internal-api.controller';
import { createPinoLogger } from '../logging/logger';
import { PlatformModule } from '../platform.module';
import { ThingsController } from './things.controller';

/** A Nest app of the platform tests, driven through fastify inject (no socket). */
export interface PlatformTestApp {
  app: NestFastifyApplication;
  logs: Record<string, unknown>[];
  registry: Registry;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Builds the things app with the platform (filter, pipe, parsers, metrics) and log lines captured. */
export async function startPlatformTestApp(options: MaestroAppOptions = {}): Promise<PlatformTestApp> {
  const logs: Record<string, unknown>[] = [];
  const pino = createPinoLogger({
    service: 'platform-test',
    level: 'info',
    format: 'json',
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  });
  @Module({ imports: [PlatformModule.forApp(pino)], controllers: [ThingsController] })
  class ThingsModule {}
  const app = await createMaestroApp(ThingsModule, options);
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  return { app, logs, registry: app.get<Registry>(METRICS_REGISTRY), inject: (options) => fastify.inject(options) };
}
