import { type PlatformTestApp, startPlatformTestApp } from '../testing/platform-test-app';
import { THROWN } from '../testing/things.controller';
import { DIRECT_ADMIN_SECRET, THINGS_DIRECT_ROUTES, thingsAuthenticator } from '../testing/things.direct-routes';

describe('direct routes: served by Fastify with the conventions of controller routes', () => {
  let t: PlatformTestApp;

  beforeAll(async () => {
    t = await startPlatformTestApp();
  });

  afterAll(() => t.app.close());

  const json = (response: { body: string }) => JSON.parse(response.body) as unknown;
  const admin = { authorization: `Bearer ${DIRECT_ADMIN_SECRET}` };

  it("answers the handler's result 200 as JSON", async () => {
    const response = await t.inject({ method: 'GET', url: '/direct/alpha' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(json(response)).toEqual({ name: 'alpha' });
  });

  it.each(Object.keys(THROWN))('answers a thrown %s error exactly as the controller route does', async (name) => {
    const [direct, controller] = await Promise.all([t.inject({ method: 'GET', url: `/direct/${name}` }), t.inject({ method: 'GET', url: `/things/${name}` })]);
    expect(direct.statusCode).toBe(controller.statusCode);
    expect(direct.headers['content-type']).toBe(controller.headers['content-type']);
    expect(json(direct)).toEqual(json(controller));
  });

  it('logs an unexpected error in full, with its route template', async () => {
    await t.inject({ method: 'GET', url: '/direct/crash' });
    expect(t.logs).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'unexpected error', route: '/direct/:thingName', stack: expect.stringContaining('TypeError') }),
    );
  });

  it("checks the route's access rule: 401 without a token, the handler with one", async () => {
    const refused = await t.inject({ method: 'PUT', url: '/direct/one', payload: { reason: 'why' } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    expect(json(refused)).toEqual({ code: 16, message: 'missing or unknown bearer token', details: [] });
    const wrong = await t.inject({ method: 'PUT', url: '/direct/one', payload: { reason: 'why' }, headers: { authorization: 'Bearer not-a-token' } });
    expect(wrong.statusCode).toBe(401);
    const allowed = await t.inject({ method: 'PUT', url: '/direct/one', payload: { reason: 'why' }, headers: admin });
    expect(allowed.statusCode).toBe(200);
    expect(json(allowed)).toEqual({ name: 'one', received: { reason: 'why' } });
  });

  it('reads bodies as controller routes do: snake_case keys, empty as {}, malformed JSON 400', async () => {
    const snake = await t.inject({ method: 'PUT', url: '/direct/one', payload: { max_surge: 1 }, headers: admin });
    expect(json(snake)).toEqual({ name: 'one', received: { maxSurge: 1 } });
    const empty = await t.inject({ method: 'PUT', url: '/direct/one', headers: admin });
    expect(json(empty)).toEqual({ name: 'one', received: {} });
    const malformed = await t.inject({ method: 'PUT', url: '/direct/one', payload: '{"reason": ', headers: { ...admin, 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(json(malformed)).toMatchObject({ code: 3, message: expect.stringMatching(/^invalid JSON body: /) });
  });

  it('answers another method on a direct path 501 Method Not Allowed', async () => {
    const response = await t.inject({ method: 'DELETE', url: '/direct/one' });
    expect(response.statusCode).toBe(501);
    expect(json(response)).toEqual({ code: 12, message: 'Method Not Allowed', details: [] });
  });

  it('is counted in the request metrics by its route template', async () => {
    await t.inject({ method: 'GET', url: '/direct/beta' });
    await t.inject({ method: 'GET', url: '/direct/gamma' });
    const metrics = await t.registry.metrics();
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/direct\/:thingName",status="200"\} [2-9]\b/);
  });

  it('answers 500 for a direct route without an access rule, as the guard does', async () => {
    const bare = await startPlatformTestApp({ direct: { routes: THINGS_DIRECT_ROUTES, authenticator: thingsAuthenticator({}) } });
    try {
      const response = await bare.inject({ method: 'GET', url: '/direct/alpha' });
      expect(response.statusCode).toBe(500);
      expect(bare.logs).toContainEqual(expect.objectContaining({ msg: 'unexpected error', error: 'route GET /direct/:thingName has no access rule' }));
    } finally {
      await bare.app.close();
    }
  });

  it('refuses to start an app whose direct routes would have no authentication', async () => {
    await expect(startPlatformTestApp({ direct: { routes: THINGS_DIRECT_ROUTES } })).rejects.toThrow("direct routes need the app's authProviders");
  });

  it('leaves an app without direct routes as it was, with no error logged', async () => {
    const plain = await startPlatformTestApp({ direct: 'none' });
    try {
      expect((await plain.inject({ method: 'GET', url: '/things/alpha' })).statusCode).toBe(200);
      expect((await plain.inject({ method: 'GET', url: '/direct/alpha' })).statusCode).toBe(404);
      expect(plain.logs.filter((line) => line.level === 'error')).toEqual([]);
    } finally {
      await plain.app.close();
    }
  });
});
