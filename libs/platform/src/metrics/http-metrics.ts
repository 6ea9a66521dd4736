import type { FastifyInstance, FastifyRequest } from 'fastify';
import { performance } from 'node:perf_hooks';
import type { Registry } from 'prom-client';
import { LabelledSeries } from './labelled-series';

/** Upper bounds of the request latency histogram's buckets, in seconds. */
export const LATENCY_BUCKETS: readonly number[] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** When the request reached its first hook (performance.now(), ms), decorated on every request. */
const STARTED = Symbol('httpMetricsStartedAt');
type TimedRequest = FastifyRequest & { [STARTED]: number };

/**
 * Counts and times every request, labelled by method, route template and status code, from its
 * first hook to the moment its answer is handed to the socket (onSend). Not in an onResponse hook:
 * with one, Fastify attaches `finish` and `error` listeners to every response for its end time, a
 * closure and two listener records per request that cost the ping about 5 µs, most of it garbage
 * collection (bench/README.md). The figure leaves out the socket write itself, and a streamed body's
 * transfer after its first chunk.
 */
export function instrumentHttp(fastify: FastifyInstance, registry: Registry): void {
  const requests = new LabelledSeries(registry, {
    labelNames: ['method', 'route', 'status'],
    counter: { name: 'http_requests_total', help: 'HTTP requests served' },
    histogram: { name: 'http_request_duration_seconds', help: 'HTTP request latency', buckets: LATENCY_BUCKETS },
  });
  fastify.decorateRequest(STARTED, 0);
  fastify.addHook('onRequest', (request, _reply, done) => {
    (request as TimedRequest)[STARTED] = performance.now();
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const seconds = (performance.now() - (request as TimedRequest)[STARTED]) / 1000;
    requests.record([request.method, request.routeOptions?.url ?? 'unmatched', String(reply.statusCode)], seconds);
    done(null, payload);
  });
}
