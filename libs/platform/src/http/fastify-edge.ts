import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normalizeProtoJsonKeys } from './proto-json';

/** Largest request body accepted unless the app sets its own (PlatformModule.forApp's bodyLimitBytes). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Token of the app's largest request body, in bytes. */
export const BODY_LIMIT = Symbol('BodyLimit');

type Done = (error: Error | null, body?: unknown) => void;

function parseJsonBody(_request: FastifyRequest, body: string | Buffer, done: Done): void {
  const text = String(body);
  let parsed: unknown;
  try {
    // grpc-gateway reads an empty body as {} on routes that take one.
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    return done(Object.assign(new Error(`invalid JSON body: ${(error as Error).message}`), { statusCode: 400 }));
  }
  // Handed on outside the try: only the parse's own errors answer "invalid JSON body".
  done(null, normalizeProtoJsonKeys(parsed));
}

/**
 * Request bodies and query strings as grpc-gateway reads them: JSON whatever the content type (its
 * default marshaler takes any), an empty or absent body as {} (except on GET), malformed JSON a 400
 * naming the parse error, a body past `bodyLimitBytes` a 413 (the filter words it), and snake_case field names (`max_surge`) brought to lowerCamelCase. Done
 * here, in the parser and one hook, rather than in a Nest interceptor: no per-request Observable
 * and AsyncResource on the hot routes (`npm run bench`, bench/cases/rooms-api.case.ts).
 */
export function configureJsonBodies(fastify: FastifyInstance, bodyLimitBytes = BODY_LIMIT_BYTES): void {
  fastify.removeAllContentTypeParsers();
  const options = { parseAs: 'string' as const, bodyLimit: bodyLimitBytes };
  fastify.addContentTypeParser('application/json', options, parseJsonBody);
  fastify.addContentTypeParser('*', options, parseJsonBody);
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined && request.method !== 'GET') request.body = {};
    if (request.query && typeof request.query === 'object' && Object.keys(request.query).length > 0) request.query = normalizeProtoJsonKeys(request.query);
    done();
  });
}
