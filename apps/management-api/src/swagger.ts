import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/**
 * Swagger UI at /docs and the OpenAPI document at /docs-json. The UI's static assets need
 * @fastify/static, which jest cannot load (it is ESM-only): in-process tests serve the JSON only.
 */
export function setUpSwagger(app: NestFastifyApplication, options: { ui?: boolean } = {}): void {
  const config = new DocumentBuilder()
    .setTitle('Maestro management API')
    .setDescription(
      'Schedulers, versions and operations of Maestro (wire-compatible with Maestro v10). Errors answer ' +
        '{"code": <gRPC code>, "message": "...", "details": []}.',
    )
    .setVersion('v1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', ui: options.ui ?? true });
}
