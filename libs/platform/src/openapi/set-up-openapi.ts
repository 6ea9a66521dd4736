import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponse } from './error.response';

/** What differs between the documents of the public APIs. */
export interface OpenApiDocumentInfo {
  title: string;
  description: string;
}

/** Where the APIs serve Swagger UI and their OpenAPI document (JSON). */
const DOCS_PATH = 'docs';
const DOCS_JSON_PATH = 'docs-json';

/**
 * Generates an API's OpenAPI document from its controllers and DTOs and serves it at /docs-json,
 * with Swagger UI at /docs. Every operation documents Maestro's error body as its default response.
 */
export function setUpOpenApi(app: NestFastifyApplication, info: OpenApiDocumentInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(`${info.description} Errors answer {"code": <gRPC code>, "message": "...", "details": []}.`)
    .setVersion('v1')
    .addGlobalResponse({ status: 'default', description: "An error, in Maestro's error body.", type: ErrorResponse })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: DOCS_JSON_PATH });
  return document;
}
