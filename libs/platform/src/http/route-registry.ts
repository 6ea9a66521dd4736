import type { FastifyInstance } from 'fastify';

interface RouteTemplate {
  method: string;
  pattern: RegExp;
}

/**
 * Remembers the application's routes so that a request for a known path with another method is
 * told 501 Method Not Allowed, and an unknown path 404, as grpc-gateway does.
 */
export class RouteRegistry {
  private readonly routes: RouteTemplate[] = [];

  /** Must be called before routes are registered. */
  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        const pattern = new RegExp(`^${route.url.replace(/:[^/]+/g, '[^/]+').replace(/\*/g, '.*')}/?$`);
        this.routes.push({ method: method.toUpperCase(), pattern });
      }
    });
  }

  /** Whether some route serves this path with another method. */
  servesPathWithOtherMethod(method: string, path: string): boolean {
    const bare = path.split('?')[0];
    return this.routes.some((route) => route.method !== method.toUpperCase() && route.method !== 'HEAD' && route.pattern.test(bare));
  }
}
