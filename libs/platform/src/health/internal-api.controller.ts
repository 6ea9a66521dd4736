import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { HealthCheckService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import type { Registry } from 'prom-client';
import { type ReadinessCheck, withTimeout } from './readiness-check';

export const READINESS_CHECKS = Symbol('ReadinessChecks');
export const READINESS_TIMEOUT = Symbol('ReadinessTimeout');
export const METRICS_REGISTRY = Symbol('MetricsRegistry');

const PLAIN_TEXT = 'text/plain; charset=utf-8';

/** Liveness and readiness in Maestro's plain text; readiness runs the app's checks through terminus. */
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    @Inject(READINESS_TIMEOUT) private readonly timeoutMs: number,
  ) {}

  @Get(['health', 'healthz'])
  @Header('content-type', PLAIN_TEXT)
  live(): string {
    return 'OK';
  }

  @Get('readyz')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const indicators = this.checks.map((check) => async (): Promise<HealthIndicatorResult> => {
      await withTimeout(check, this.timeoutMs);
      return { [check.name]: { status: 'up' } };
    });
    const ready = await this.health.check(indicators).then(
      () => true,
      () => false,
    );
    await reply
      .status(ready ? 200 : 503)
      .header('content-type', PLAIN_TEXT)
      .send(ready ? 'OK' : 'Service Unavailable');
  }
}

/** Prometheus exposition of the app's registry. */
@Controller()
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get('metrics')
  async metrics(@Res() reply: FastifyReply): Promise<void> {
    await reply.header('content-type', this.registry.contentType).send(await this.registry.metrics());
  }
}
