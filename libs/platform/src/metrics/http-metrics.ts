import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { HttpRequestMetrics } from './http-request-metrics';

/** Counts and times every request, labelled by method, route template and status code. */
export function instrumentHttp(fastify: FastifyInstance, registry: Registry): void {
  const metrics = new HttpRequestMetrics(registry);
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.record(request.method, request.routeOptions?.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
