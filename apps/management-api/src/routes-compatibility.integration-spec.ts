import { ManagementApiHarness, aSchedulerBody } from './testing/management-api.harness';
import { type OpenApiRoutes, readMaestroOpenApi } from '@maestro/testing';

const reference = readMaestroOpenApi();
const ROUTES = Object.entries(reference.paths)
  .filter(([route]) => route.startsWith('/schedulers'))
  .flatMap(([route, methods]) => Object.keys(methods).map((method) => [method.toUpperCase(), route] as const));

describe("Maestro v10's management routes (reference OpenAPI document)", () => {
  let api: ManagementApiHarness;
  let operationId: string;
  let docs: OpenApiRoutes;

  beforeAll(async () => {
    api = await ManagementApiHarness.start();
    await api.request('POST', '/schedulers', aSchedulerBody('compat'));
    operationId = (await api.request('GET', '/schedulers/compat/operations?stage=pending')).body.operations[0].id;
    docs = (await api.request('GET', '/docs-json')).body;
  });

  afterAll(() => api.stop());

  it('covers every schedulers and operations route of the reference', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(ROUTES)('%s %s is served and documented', async (method, route) => {
    const url = route.replace('{schedulerName}', 'compat').replace('{name}', 'compat').replace('{operationId}', operationId);
    const query = method === 'GET' && route.endsWith('/operations') ? '?stage=final' : '';
    const body = method === 'GET' || method === 'DELETE' ? undefined : method === 'PUT' ? { version: 'v1.0.0' } : {};
    const response = await api.request(method as 'GET', `${url}${query}`, body);
    expect(response.status).not.toBe(501);
    expect(response.status).not.toBe(405);
    expect(response.body?.message).not.toBe('Not Found');
    expect(Object.keys(docs.paths[route] ?? {})).toContain(method.toLowerCase());
  });

  it('answers 501 for a known path with another method and 404 for an unknown path', async () => {
    expect(await api.request('PUT', '/schedulers')).toEqual({ status: 501, body: { code: 12, message: 'Method Not Allowed', details: [] } });
    expect(await api.request('GET', '/nothing/here')).toEqual({ status: 404, body: { code: 5, message: 'Not Found', details: [] } });
  });
});
