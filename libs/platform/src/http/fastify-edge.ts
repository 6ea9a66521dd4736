import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Largest request body accepted (a scheduler with many containers fits easily). */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

type Done = (error: Error | null, body?: unknown) => void;

function parseJsonBody(_request: FastifyRequest, body: string | Buffer, done: Done): void {
  const text = String(body).trim();
  // grpc-gateway reads an empty body as {} on routes that take one.
  if (text === '') return done(null, {});
  try {
    done(null, JSON.parse(text));
  } catch (error) {
    done(Object.assign(new Error(`invalid JSON body: ${(error as Error).message}`), { statusCode: 400 }));
  }
}

/**
 * Request bodies as grpc-gateway reads them: JSON whatever the content type (its default
 * marshaler takes any), an empty body as {}, malformed JSON a 400 naming the parse error.
 */
export function configureJsonBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const options = { parseAs: 'string' as const, bodyLimit: BODY_LIMIT_BYTES };
  fastify.addContentTypeParser('application/json', options, parseJsonBody);
  fastify.addContentTypeParser('*', options, parseJsonBody);
}
