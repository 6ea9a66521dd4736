import type { FastifyInstance } from 'fastify';

/**
 * Bounds a server's graceful close (`api.gracefulShutdownTimeout`): once close starts, no new
 * request is taken and those in flight get `ms` to answer; then their connections are cut.
 * Must be called before the server listens.
 */
export function closeWithin(fastify: FastifyInstance, ms: number): void {
  fastify.addHook('preClose', (done) => {
    setTimeout(() => fastify.server.closeAllConnections(), ms).unref();
    done();
  });
}
