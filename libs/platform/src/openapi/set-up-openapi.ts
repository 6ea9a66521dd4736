import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
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

/**
 * Generates an API's OpenAPI document from its controllers and DTOs and serves it at /docs-json,
 * with Swagger UI at /docs. Every operation documents Maestro's error body as its default response.
 */
export function setUpOpenApi(app: NestFastifyApplication, info: OpenApiDocumentInfo): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(`${info.description} Errors answer {"code": <gRPC code>, "message": "...", "details": []}.`)
    .setVersion('v1')
    .addGlobalResponse({ status: 'default', description: "An error, in Maestro's error body.", type: ErrorResponse });
  if (info.bearer) {
    builder
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: info.bearer }, 'bearer')
      .addSecurityRequirements('bearer')
      .addGlobalResponse({ status: 401, description: 'No bearer token, or an unknown one (code 16).', type: ErrorResponse })
      .addGlobalResponse({ status: 403, description: 'The token does not allow this call (code 7).', type: ErrorResponse })
      .addGlobalResponse({ status: 429, description: 'Too many authentication failures from this address (code 8).', type: ErrorResponse });
  }
  const config = builder.build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: DOCS_JSON_PATH });
  return document;
}
