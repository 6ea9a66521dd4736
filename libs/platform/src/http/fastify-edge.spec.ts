import { AsyncResource } from 'node:async_hooks';
import Fastify from 'fastify';
import { configureJsonBodies } from './fastify-edge';

describe('configureJsonBodies', () => {
  const app = Fastify();
  configureJsonBodies(app);
  app.put('/echo', async (request) => ({ body: request.body }));

  beforeAll(() => app.ready());
  afterAll(() => app.close());

  afterEach(() => jest.restoreAllMocks());

  it('parses a JSON body with its snake_case names in camelCase', async () => {
    const answer = await app.inject({ method: 'PUT', url: '/echo', payload: '{"running_matches":2}', headers: { 'content-type': 'application/json' } });
    expect(answer.json()).toEqual({ body: { runningMatches: 2 } });
  });

  // On Node 20, AsyncResource#bind wraps the bound function's `asyncResource` accessors in
  // util.deprecate: about 8 µs a call, and the request it holds survives the next scavenge. Fastify
  // called it for every body until 5.12 (bench/README.md); a downgrade would bring it back.
  it('parses a body without AsyncResource#bind', async () => {
    const bind = jest.spyOn(AsyncResource.prototype, 'bind');
    const answer = await app.inject({ method: 'PUT', url: '/echo', payload: '{"status":"ready"}', headers: { 'content-type': 'application/json' } });
    expect(answer.statusCode).toBe(200);
    expect(bind).not.toHaveBeenCalled();
  });
});
