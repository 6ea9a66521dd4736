import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Maestro v10's own OpenAPI document, kept in the repository (docs/reference/README.md). */
const MAESTRO_OPENAPI_PATH = path.resolve(__dirname, '../../../../docs/reference/maestro-v10-openapi.json');

/** Maestro v10's OpenAPI document (Swagger 2.0), the contract both APIs' documents are checked against. */
export function readMaestroOpenApi(): OpenApiRoutes & Record<string, unknown> {
  return JSON.parse(readFileSync(MAESTRO_OPENAPI_PATH, 'utf8')) as OpenApiRoutes & Record<string, unknown>;
}

/** An OpenAPI document's routes: path -> lower-case method -> operation. */
export interface OpenApiRoutes {
  paths: Record<string, Record<string, unknown>>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Every `METHOD path` of a document, e.g. `PUT /scheduler/{schedulerName}/rooms/{roomName}/ping`. */
export function routesOf(document: OpenApiRoutes): string[] {
  return Object.entries(document.paths).flatMap(([route, methods]) =>
    Object.keys(methods)
      .filter((method) => HTTP_METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${route}`),
  );
}
