import { BODY_LIMIT_BYTES } from './fastify-edge';
import { type PlatformTestApp, startPlatformTestApp } from '../testing/platform-test-app';

describe("Maestro's HTTP conventions on a Nest app", () => {
  let t: PlatformTestApp;

  beforeAll(async () => {
    t = await startPlatformTestApp();
  });

  afterAll(() => t.app.close());

  const json = (response: { body: string }) => JSON.parse(response.body) as unknown;

  describe('domain errors', () => {
    it.each([
      ['invalid', 400, 3, 'thing name is invalid'],
      ['missing', 404, 5, 'thing missing not found'],
      ['duplicate', 409, 6, 'thing duplicate already exists'],
      ['busy', 400, 9, 'thing busy has an ongoing operation'],
      ['final', 409, 10, 'thing final is in a final status'],
      ['broken', 500, 2, 'failed to fetch thing from storage'],
    ])('answers a %s error with %d and code %d', async (name, status, code, message) => {
      const response = await t.inject({ method: 'GET', url: `/things/${name}` });
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/json');
      expect(json(response)).toEqual({ code, message, details: [] });
    });

    it('logs unexpected domain errors with their cause', async () => {
      await t.inject({ method: 'GET', url: '/things/broken' });
      expect(t.logs).toContainEqual(
        expect.objectContaining({ level: 'error', msg: 'request failed', error: 'failed to fetch thing from storage (cause: connection reset)' }),
      );
    });

    it('answers any other error 500 with a generic message and logs it in full', async () => {
      const response = await t.inject({ method: 'GET', url: '/things/crash' });
      expect(response.statusCode).toBe(500);
      expect(json(response)).toEqual({ code: 2, message: 'internal error', details: [] });
      expect(t.logs).toContainEqual(
        expect.objectContaining({
          level: 'error',
          msg: 'unexpected error',
          error: 'secret internals',
          route: '/things/:thingName',
          stack: expect.stringContaining('TypeError'),
        }),
      );
    });
  });

  describe('routing errors', () => {
    it('answers an unknown path 404 Not Found', async () => {
      const response = await t.inject({ method: 'GET', url: '/nothing/here' });
      expect(response.statusCode).toBe(404);
      expect(json(response)).toEqual({ code: 5, message: 'Not Found', details: [] });
    });

    it('answers a path served for another method 501 Method Not Allowed', async () => {
      for (const [method, url] of [
        ['DELETE', '/things'],
        ['PATCH', '/things/one'],
        ['DELETE', '/things/one?force=true'],
      ] as const) {
        const response = await t.inject({ method, url });
        expect(response.statusCode).toBe(501);
        expect(json(response)).toEqual({ code: 12, message: 'Method Not Allowed', details: [] });
      }
    });

    it('lets a path parameter match one segment only', async () => {
      const response = await t.inject({ method: 'PUT', url: '/things/one/two' });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('request bodies', () => {
    it('names every failing field with its path, nested fields and list items included', async () => {
      const response = await t.inject({
        method: 'POST',
        url: '/things',
        payload: { name: 7, maxSurge: 'ten', spec: { containers: [{ name: 'ok' }, { name: 3 }] } },
      });
      expect(response.statusCode).toBe(400);
      const body = json(response) as { code: number; message: string; details: unknown[] };
      expect(body.code).toBe(3);
      expect(body.details).toEqual([]);
      expect(body.message.split('\n')).toEqual([
        'name: name must be a string',
        'maxSurge: maxSurge must be an integer number',
        'spec.containers[1].name: name must be a string',
      ]);
    });

    it('drops unknown fields instead of refusing them', async () => {
      const response = await t.inject({
        method: 'POST',
        url: '/things',
        payload: { name: 'a', color: 'blue', spec: { containers: [{ name: 'c', image: 'x' }] } },
      });
      expect(response.statusCode).toBe(201);
      expect(json(response)).toEqual({ received: { name: 'a', spec: { containers: [{ name: 'c' }] } } });
    });

    it('accepts snake_case field names', async () => {
      const response = await t.inject({ method: 'POST', url: '/things', payload: { name: 'a', max_surge: 3 } });
      expect(json(response)).toEqual({ received: { name: 'a', maxSurge: 3 } });
    });

    it('accepts snake_case query parameters', async () => {
      const response = await t.inject({ method: 'GET', url: '/things/echo/query?page_size=5&order=desc' });
      expect(json(response)).toEqual({ query: { pageSize: '5', order: 'desc' } });
    });

    it('answers malformed JSON 400 with code 3 and the parser message', async () => {
      const response = await t.inject({ method: 'POST', url: '/things', payload: '{"name": ', headers: { 'content-type': 'application/json' } });
      expect(response.statusCode).toBe(400);
      const body = json(response) as { code: number; message: string };
      expect(body.code).toBe(3);
      expect(body.message).toMatch(/^invalid JSON body: /);
    });

    it('answers a body past the limit 413 with code 3 and the limit, and takes one at the limit', async () => {
      const bodyOf = (bytes: number) => JSON.stringify({ name: 'x'.repeat(bytes - '{"name":""}'.length) });
      const tooLarge = await t.inject({
        method: 'POST',
        url: '/things',
        payload: bodyOf(BODY_LIMIT_BYTES + 1),
        headers: { 'content-type': 'application/json' },
      });
      expect(tooLarge.statusCode).toBe(413);
      expect(json(tooLarge)).toEqual({ code: 3, message: `request body too large: this API accepts at most ${BODY_LIMIT_BYTES} bytes`, details: [] });
      const atLimit = await t.inject({ method: 'PUT', url: '/things/one', payload: bodyOf(BODY_LIMIT_BYTES), headers: { 'content-type': 'application/json' } });
      expect(atLimit.statusCode).toBe(200);
    });

    it('reads an empty body as {}, with or without a JSON content type', async () => {
      const bare = await t.inject({ method: 'PUT', url: '/things/one' });
      expect(bare.statusCode).toBe(200);
      expect(json(bare)).toEqual({ name: 'one', received: {} });
      const typed = await t.inject({ method: 'PUT', url: '/things/one', payload: '', headers: { 'content-type': 'application/json' } });
      expect(typed.statusCode).toBe(200);
      expect(json(typed)).toEqual({ name: 'one', received: {} });
    });

    it('validates an empty body like {} on a route with required fields', async () => {
      const response = await t.inject({ method: 'POST', url: '/things' });
      expect(response.statusCode).toBe(400);
      expect(json(response)).toEqual({ code: 3, message: 'name: name must be a string', details: [] });
    });

    it('reads JSON whatever the content type says, as grpc-gateway does', async () => {
      const response = await t.inject({ method: 'PUT', url: '/things/one', payload: '{"reason":"why"}', headers: { 'content-type': 'text/plain' } });
      expect(json(response)).toEqual({ name: 'one', received: { reason: 'why' } });
    });
  });

  describe('request metrics', () => {
    it('counts requests by method, route template and status', async () => {
      await t.inject({ method: 'GET', url: '/things/alpha' });
      await t.inject({ method: 'GET', url: '/things/beta' });
      await t.inject({ method: 'GET', url: '/things/missing' });
      const metrics = await t.registry.metrics();
      expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/things\/:thingName",status="200"\} 2\b/);
      expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/things\/:thingName",status="404"\} [1-9]/);
      expect(metrics).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/things\/:thingName",status="200"\} 2\b/);
    });

    it('labels unmatched requests without their raw path', async () => {
      await t.inject({ method: 'GET', url: '/random/123' });
      const metrics = await t.registry.metrics();
      expect(metrics).toMatch(/http_requests_total\{method="GET",route="unmatched",status="404"\}/);
      expect(metrics).not.toContain('/random/123');
    });
  });
});
