import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { MaestroConfig } from '@maestro/config';
import { LOGGER, REQUESTER } from '@maestro/domain';
import type { Logger as PinoLogger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { RequestContext } from './auth/request-context';
import { METRICS_REGISTRY } from './health/internal-api.controller';
import { ErrorAnswers } from './http/error-answers';
import { BODY_LIMIT, BODY_LIMIT_BYTES } from './http/fastify-edge';
import { MaestroExceptionFilter } from './http/maestro-exception.filter';
import { RouteRegistry } from './http/route-registry';
import { createValidationPipe } from './http/validation.pipe';
import { PinoDomainLogger, createAppLogger } from './logging/logger';

export interface PlatformOptions {
  /** Largest request body the app's public API accepts (BODY_LIMIT_BYTES by default); larger ones get a 413. */
  bodyLimitBytes?: number;
}

/** Token of the process's pino logger. */
export const PINO = Symbol('Pino');

/**
 * Nest glue shared by the apps, global: the domain Logger (LOGGER) on pino, the metrics registry
 * (METRICS_REGISTRY), the caller of the current request (REQUESTER), Maestro's error bodies and the validation pipe (proto JSON key handling is
 * at the Fastify edge: configureJsonBodies).
 */
@Module({})
export class PlatformModule {
  /** The platform of one app, logging through `pino`. */
  static forApp(pino: PinoLogger, options: PlatformOptions = {}): DynamicModule {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    return {
      module: PlatformModule,
      global: true,
      providers: [
        { provide: PINO, useValue: pino },
        { provide: LOGGER, useValue: new PinoDomainLogger(pino) },
        { provide: METRICS_REGISTRY, useValue: registry },
        { provide: BODY_LIMIT, useValue: options.bodyLimitBytes ?? BODY_LIMIT_BYTES },
        RouteRegistry,
        ErrorAnswers,
        RequestContext,
        { provide: REQUESTER, useExisting: RequestContext },
        { provide: APP_FILTER, useClass: MaestroExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [PINO, LOGGER, METRICS_REGISTRY, BODY_LIMIT, RouteRegistry, ErrorAnswers, RequestContext, REQUESTER],
    };
  }

  /** The platform of one app, its logger built from the configuration (createAppLogger). */
  static forConfig(config: Pick<MaestroConfig, 'component' | 'log' | 'version'>): DynamicModule {
    return PlatformModule.forApp(createAppLogger(config));
  }
}
