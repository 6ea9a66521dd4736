import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { Registry } from 'prom-client';
import { HealthController, METRICS_REGISTRY, MetricsController, READINESS_CHECKS, READINESS_TIMEOUT } from './internal-api.controller';
import { READINESS_TIMEOUT_MS, type ReadinessCheck } from './readiness-check';

export interface InternalApiOptions {
  /** Serve /health, /healthz and /readyz (internalApi.healthcheck.enabled); default true. */
  healthcheckEnabled?: boolean;
  /** Serve /metrics (internalApi.metrics.enabled); default true. */
  metricsEnabled?: boolean;
  /** Time each readiness check gets; Maestro's 2 s by default. */
  readinessTimeoutMs?: number;
}

/** The module of the internal HTTP server (its own Nest application on internalApi.port). */
@Module({})
export class InternalApiModule {
  static forRoot(checks: ReadinessCheck[], registry: Registry, options: InternalApiOptions = {}): DynamicModule {
    const controllers = [...(options.healthcheckEnabled === false ? [] : [HealthController]), ...(options.metricsEnabled === false ? [] : [MetricsController])];
    return {
      module: InternalApiModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers,
      providers: [
        { provide: READINESS_CHECKS, useValue: checks },
        { provide: READINESS_TIMEOUT, useValue: options.readinessTimeoutMs ?? READINESS_TIMEOUT_MS },
        { provide: METRICS_REGISTRY, useValue: registry },
      ],
    };
  }
}
