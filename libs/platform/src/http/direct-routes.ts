import type { Type } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestAuthenticator } from '../auth/request-authenticator';
import type { ErrorAnswers } from './error-answers';

/** How the OpenAPI document describes a direct route (what Swagger's decorators say of a controller method). */
export interface DirectRouteDoc {
  operationId: string;
  summary: string;
  tags: string[];
  /** Description of each path parameter, in the order of the path. */
  params: Record<string, string>;
  /** The body's class, documented with @ApiProperty; none for a route without body. */
  body?: Type<unknown>;
  /** The class of the 200 answer, documented with @ApiProperty. */
  ok: Type<unknown>;
  deprecated?: boolean;
}

/**
 * A route Fastify serves itself, outside Nest's router: for the few hot routes whose cost per
 * request matters (the rooms API's ping and allocate, bench/README.md). It keeps every convention
 * of a controller route: the body parsing and metrics hooks are Fastify's and apply as they are, its
 * access rule is checked by the app's RequestAuthenticator, and its errors are answered by
 * ErrorAnswers, as the guard and the exception filter do for controllers.
 */
export interface DirectRoute {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Route template, as Nest and Fastify write it: `/scheduler/:schedulerName/rooms/allocate`. */
  path: string;
  /** The 200 answer's body; a thrown error is answered as a controller's would be. */
  handle(request: FastifyRequest): Promise<unknown>;
  doc: DirectRouteDoc;
}

/** Token of an app's direct routes (optional): createMaestroApp mounts them, setUpOpenApi documents them. */
export const DIRECT_ROUTES = Symbol('DirectRoutes');

/** Registers `routes` on the app's Fastify instance; call before the app listens. */
export function mountDirectRoutes(
  fastify: FastifyInstance,
  routes: readonly DirectRoute[],
  edge: { authenticator: RequestAuthenticator; errors: ErrorAnswers },
): void {
  for (const route of routes) {
    const authenticate = edge.authenticator.checkOf(route.method, route.path);
    fastify.route({
      method: route.method,
      url: route.path,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        try {
          // Most calls are admitted at once (a room's own token): no promise to wait for then.
          const admitted = authenticate(request, reply);
          if (admitted) await admitted;
          return await route.handle(request);
        } catch (error) {
          edge.errors.send(error, request, reply);
          return reply;
        }
      },
    });
  }
}
