import { TestApp, readMaestroOpenApi, routesOf } from '@maestro/testing';
import { RoomsApiRoot } from './rooms-api.root';
import { setUpSwagger } from './swagger';
import { operationShape } from './testing/operation-shape';

const reference = readMaestroOpenApi();
const ROOMS_ROUTES = routesOf(reference).filter((route) => route.includes(' /scheduler/'));

describe("the rooms API's OpenAPI document", () => {
  let api: TestApp;
  let document: any;

  beforeAll(async () => {
    api = await TestApp.start({ component: 'rooms-api', root: (env, config) => RoomsApiRoot.forConfig(env, config), configure: setUpSwagger });
    document = (await api.request('GET', '/docs-json')).body;
  });

  afterAll(() => api.stop());

  it('is served as OpenAPI JSON at /docs-json', async () => {
    const response = await api.request('GET', '/docs-json');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ openapi: expect.stringMatching(/^3\./), info: { title: expect.stringContaining('rooms API') } });
  });

  it('is shown by Swagger UI at /docs, with the UI assets', async () => {
    const page = await api.request('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.body).toEqual(expect.stringContaining('<div id="swagger-ui">'));
    const init = await api.request('GET', '/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
    expect(init.body).toContain('/scheduler/{schedulerName}/rooms/allocate');
    expect((await api.request('GET', '/docs/swagger-ui-bundle.js')).status).toBe(200);
  });

  it("holds exactly the reference's six rooms routes", () => {
    expect(ROOMS_ROUTES).toHaveLength(6);
    expect(routesOf(document).sort()).toEqual([...ROOMS_ROUTES].sort());
  });

  it.each(ROOMS_ROUTES.map((route) => route.split(' ')))(
    "%s %s has the reference's path parameters, request body, 200 body and error body",
    (method, route) => {
      expect(operationShape(document, route, method)).toEqual(operationShape(reference, route, method));
    },
  );

  it('matches the bodies the routes answer', async () => {
    const ping = await api.request('PUT', '/scheduler/nothing/rooms/room-1/ping', { status: 'ready' });
    const error = await api.request('GET', '/scheduler/nothing/rooms/room-1/address');
    const route = (path: string, method: string) => operationShape(document, `/scheduler/{schedulerName}/rooms${path}`, method)!;
    expect(Object.keys(ping.body).sort()).toEqual(Object.keys(route('/{roomName}/ping', 'put').okResponse!).sort());
    expect(error.status).toBe(500);
    expect(Object.keys(error.body).sort()).toEqual(
      Object.keys(route('/{roomName}/address', 'get').errorResponse!)
        .filter((key) => !key.includes('.'))
        .sort(),
    );
  });
});
