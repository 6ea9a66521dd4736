import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type ApiResponseOptions, DocumentBuilder, type OpenAPIObject, SwaggerModule, getSchemaPath } from '@nestjs/swagger';
import { providedIn } from '../bootstrap';
import { DIRECT_ROUTES, type DirectRoute } from '../http/direct-routes';
import { ErrorResponse } from './error.response';

/** What differs between the documents of the public APIs. */
export interface OpenApiDocumentInfo {
  title: string;
  description: string;
  /** What the `Authorization: Bearer` credential of the API is (documents the scheme, 401, 403 and 429). */
  bearer?: string;
}

/** Where the APIs serve Swagger UI and their OpenAPI document (JSON). */
const DOCS_PATH = 'docs';
const DOCS_JSON_PATH = 'docs-json';

type GlobalResponse = ApiResponseOptions & { status: number | 'default'; description: string };

/** The error answers every operation documents: Maestro's error body, and the authentication failures where there is a credential. */
function globalResponses(info: OpenApiDocumentInfo): GlobalResponse[] {
  const responses: GlobalResponse[] = [{ status: 'default', description: "An error, in Maestro's error body.", type: ErrorResponse }];
  if (!info.bearer) return responses;
  return [
    ...responses,
    { status: 401, description: 'No bearer token, or an unknown one (code 16).', type: ErrorResponse },
    { status: 403, description: 'The token does not allow this call (code 7).', type: ErrorResponse },
    { status: 429, description: 'Too many authentication failures from this address (code 8).', type: ErrorResponse },
  ];
}

/**
 * Generates an API's OpenAPI document from its controllers and DTOs, and its direct routes
 * (DIRECT_ROUTES) from their docs, and serves it at /docs-json, with Swagger UI at /docs. Every
 * operation documents Maestro's error body as its default response.
 */
export function setUpOpenApi(app: NestFastifyApplication, info: OpenApiDocumentInfo): OpenAPIObject {
  const errors = globalResponses(info);
  const builder = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(`${info.description} Errors answer {"code": <gRPC code>, "message": "...", "details": []}.`)
    .setVersion('v1')
    .addGlobalResponse(...errors);
  if (info.bearer) {
    builder.addBearerAuth({ type: 'http', scheme: 'bearer', description: info.bearer }, 'bearer').addSecurityRequirements('bearer');
  }
  const direct = providedIn<DirectRoute[]>(app, DIRECT_ROUTES) ?? [];
  const models = direct.flatMap(({ doc }) => (doc.body ? [doc.body, doc.ok] : [doc.ok]));
  const document = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ErrorResponse, ...models] });
  for (const route of direct) {
    const path = route.path.replace(/:([^/]+)/g, '{$1}');
    document.paths[path] = { ...document.paths[path], [route.method.toLowerCase()]: operationOf(route, errors) };
  }
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: DOCS_JSON_PATH });
  return document;
}

const jsonOf = (model: DirectRoute['doc']['ok']) => ({ 'application/json': { schema: { $ref: getSchemaPath(model) } } });

/** A direct route's operation, in the shape Swagger gives a controller method. */
function operationOf({ doc }: DirectRoute, errors: GlobalResponse[]): Record<string, unknown> {
  const responses: Record<string, unknown> = { 200: { description: '', content: jsonOf(doc.ok) } };
  for (const error of errors) responses[String(error.status)] = { description: error.description, content: jsonOf(ErrorResponse) };
  return {
    operationId: doc.operationId,
    summary: doc.summary,
    ...(doc.deprecated ? { deprecated: true } : {}),
    parameters: Object.entries(doc.params).map(([name, description]) => ({ name, required: true, in: 'path', description, schema: { type: 'string' } })),
    ...(doc.body ? { requestBody: { required: true, content: jsonOf(doc.body) } } : {}),
    responses,
    tags: doc.tags,
  };
}
