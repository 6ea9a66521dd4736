import type { FastifyInstance } from 'fastify';

interface RouteTemplate {
  method: string;
  pattern: RegExp;
}

const escapeRegExp = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** A matcher of a Fastify route template: `:param` is one path segment, `*` anything. */
export function routePattern(url: string): RegExp {
  const source = url
    .split(/(:[^/]+|\*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source}/?$`);
}

/**
 * Remembers every route the application registers (through Fastify's onRoute hook), so that the
 * not-found path can tell a path served with another method (grpc-gateway: 501 Method Not
 * Allowed) from an unknown path (404 Not Found). Generic: knows nothing of the apps' routes.
 */
export class RouteRegistry {
  private readonly routes: RouteTemplate[] = [];

  /** Must be called before the routes are registered (before app.init()). */
  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) this.routes.push({ method: method.toUpperCase(), pattern: routePattern(route.url) });
    });
  }

  /** Whether some route serves this path (query string ignored) with a method other than `method`. */
  servesPathWithOtherMethod(method: string, url: string): boolean {
    const path = url.split('?')[0];
    const asked = method.toUpperCase();
    return this.routes.some((route) => route.method !== asked && route.method !== 'HEAD' && route.pattern.test(path));
  }
}
