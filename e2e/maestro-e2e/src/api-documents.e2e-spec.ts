import { readMaestroOpenApi, routesOf } from '@maestro/testing';
import { management, rooms } from './support/maestro-client';

const REFERENCE_ROUTES = routesOf(readMaestroOpenApi());
const APIS = { management, rooms };

describe("the running APIs' OpenAPI documents (management on its port, rooms on its own)", () => {
  const documented: Record<keyof typeof APIS, string[]> = { management: [], rooms: [] };

  beforeAll(async () => {
    for (const api of ['management', 'rooms'] as const) {
      const response = await APIS[api]('GET', '/docs-json');
      documented[api] = response.status === 200 ? routesOf(response.body) : [];
    }
  });

  it.each(['management', 'rooms'] as const)('the %s API serves its document at /docs-json and Swagger UI at /docs', async (api) => {
    expect((await APIS[api]('GET', '/docs-json')).status).toBe(200);
    const page = await APIS[api]('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.body).toEqual(expect.stringContaining('<div id="swagger-ui">'));
  });

  it('reads all 18 routes of Maestro v10 from the reference document', () => {
    expect(REFERENCE_ROUTES).toHaveLength(18);
  });

  it.each(REFERENCE_ROUTES)('%s is in the management or the rooms document', (route) => {
    expect([...documented.management, ...documented.rooms]).toContain(route);
  });
});
