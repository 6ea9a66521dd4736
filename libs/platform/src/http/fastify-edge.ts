import type { FastifyInstance } from 'fastify';

/** JSON bodies may be empty (read as {}); malformed JSON is a 400 naming the parse error. */
export function configureJsonBodies(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 }, (_request, body, done) => {
    const text = String(body).trim();
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(Object.assign(new Error(`invalid JSON body: ${(error as Error).message}`), { statusCode: 400 }), undefined);
    }
  });
}
