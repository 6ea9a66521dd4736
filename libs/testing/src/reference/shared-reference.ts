import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Path of Maestro v10's OpenAPI document in the shared reference folder. */
export const MAESTRO_OPENAPI_REFERENCE = 'reference/maestro-v10-openapi.json';

/**
 * Reads a file of the shared reference folder (`shared/`), looked for in this file's folder and
 * each of its parents: the folder sits beside the repository, not inside it.
 */
export function readSharedReferenceFile(relative: string): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', relative);
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
  }
  throw new Error(`shared/${relative} not found in any parent folder of ${__dirname}`);
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
