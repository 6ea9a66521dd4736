import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { LabelledSeries } from './labelled-series';

/** Upper bounds of the request latency histogram's buckets, in seconds. */
export const LATENCY_BUCKETS: readonly number[] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Counts and times every request, labelled by method, route template and status code. */
export function instrumentHttp(fastify: FastifyInstance, registry: Registry): void {
  const requests = new LabelledSeries(registry, {
    labelNames: ['method', 'route', 'status'],
    counter: { name: 'http_requests_total', help: 'HTTP requests served' },
    histogram: { name: 'http_request_duration_seconds', help: 'HTTP request latency', buckets: LATENCY_BUCKETS },
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    requests.record([request.method, request.routeOptions?.url ?? 'unmatched', String(reply.statusCode)], reply.elapsedTime / 1000);
    done();
  });
}
