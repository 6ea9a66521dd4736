import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { Registry } from 'prom-client';
import { InternalApiController, METRICS_REGISTRY, READINESS_CHECKS } from './internal-api.controller';
import type { ReadinessCheck } from './readiness-check';

/** The module of the internal HTTP server (its own Nest application on internalApi.port). */
@Module({})
export class InternalApiModule {
  static forRoot(checks: ReadinessCheck[], registry: Registry): DynamicModule {
    return {
      module: InternalApiModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [InternalApiController],
      providers: [
        { provide: READINESS_CHECKS, useValue: checks },
        { provide: METRICS_REGISTRY, useValue: registry },
      ],
    };
  }
}
