import { type PlatformTestApp, startPlatformTestApp } from '../testing/platform-test-app';
import { setUpOpenApi } from './set-up-openapi';

describe('setUpOpenApi', () => {
  let t: PlatformTestApp;
  let document: any;

  beforeAll(async () => {
    t = await startPlatformTestApp({ configure: (app) => void setUpOpenApi(app, { title: 'Things API', description: 'Things.' }) });
    document = JSON.parse((await t.inject({ method: 'GET', url: '/docs-json' })).body);
  });

  afterAll(() => t.app.close());

  it("serves the document generated from the app's controllers at /docs-json", () => {
    expect(document).toMatchObject({ openapi: expect.stringMatching(/^3\./), info: { title: 'Things API', version: 'v1' } });
    expect(document.info.description).toMatch(/^Things\. Errors answer \{"code"/);
    expect(Object.keys(document.paths)).toContain('/things/{thingName}');
  });

  it('serves Swagger UI at /docs', async () => {
    const page = await t.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<div id="swagger-ui">');
  });

  it("documents Maestro's error body as the default response of every operation", async () => {
    const operations = Object.values<Record<string, any>>(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThan(3);
    for (const operation of operations) {
      expect(operation.responses.default.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
    }
    const schema = document.components.schemas.ErrorResponse;
    expect(schema.properties).toMatchObject({ code: { type: 'integer', format: 'int32' }, message: { type: 'string' }, details: { type: 'array' } });
    const error = JSON.parse((await t.inject({ method: 'GET', url: '/things/missing' })).body);
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(error).sort());
  });

  it("documents the app's direct routes as Swagger documents controller methods", () => {
    const touch = document.paths['/direct/{thingName}'].put;
    expect(touch).toEqual({
      operationId: 'direct_touch',
      summary: 'touch a thing',
      tags: ['Direct'],
      parameters: [{ name: 'thingName', required: true, in: 'path', description: 'the thing', schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/DirectThingRequest' } } } },
      responses: {
        200: { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/DirectThingResponse' } } } },
        default: {
          description: "An error, in Maestro's error body.",
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
        },
      },
    });
    expect(document.paths['/direct/{thingName}'].get).not.toHaveProperty('requestBody');
    expect(document.components.schemas.DirectThingRequest.properties).toEqual({ reason: { type: 'string' } });
    const controller = document.paths['/things/{thingName}'].put;
    expect(Object.keys(touch.responses).sort()).toEqual(Object.keys(controller.responses).sort());
    expect(controller.parameters[0]).toMatchObject({ name: 'thingName', required: true, in: 'path', schema: { type: 'string' } });
  });
});
