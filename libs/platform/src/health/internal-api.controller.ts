import { Controller, Get, Header, HttpCode, Inject, Res } from '@nestjs/common';
import { HealthCheckService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import type { Registry } from 'prom-client';
import { type ReadinessCheck, withTimeout } from './readiness-check';

export const READINESS_CHECKS = Symbol('ReadinessChecks');
export const METRICS_REGISTRY = Symbol('MetricsRegistry');

/** The internal API: liveness, readiness (terminus) and Prometheus metrics, in Maestro's plain text. */
@Controller()
export class InternalApiController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
  ) {}

  @Get(['health', 'healthz'])
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  live(): string {
    return 'OK';
  }

  @Get('readyz')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const indicators = this.checks.map((check) => async (): Promise<HealthIndicatorResult> => {
      await withTimeout(check);
      return { [check.name]: { status: 'up' } };
    });
    try {
      await this.health.check(indicators);
      await reply.status(200).header('content-type', 'text/plain; charset=utf-8').send('OK');
    } catch {
      await reply.status(503).header('content-type', 'text/plain; charset=utf-8').send('Service Unavailable');
    }
  }

  @Get('metrics')
  async metrics(@Res() reply: FastifyReply): Promise<void> {
    await reply.header('content-type', this.registry.contentType).send(await this.registry.metrics());
  }
}
