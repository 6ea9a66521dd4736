import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { setUpOpenApi } from '@maestro/platform/openapi';

/** Swagger UI at /docs and the management API's OpenAPI document at /docs-json. */
export function setUpSwagger(app: NestFastifyApplication): void {
  setUpOpenApi(app, {
    title: 'Maestro management API',
    description: 'Schedulers, versions and operations of Maestro (wire-compatible with Maestro v10), and the API tokens.',
    bearer: 'A management token (POST /tokens, or MAESTRO_API_AUTH_BOOTSTRAPTOKEN); not needed when MAESTRO_API_AUTH_ENABLED=false.',
  });
}
