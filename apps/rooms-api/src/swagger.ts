import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { setUpOpenApi } from '@maestro/platform/openapi';

/** Swagger UI at /docs and the rooms API's OpenAPI document at /docs-json. */
export function setUpSwagger(app: NestFastifyApplication): void {
  setUpOpenApi(app, {
    title: 'Maestro rooms API',
    description: 'The routes game rooms call (ping, status, events, address) and the room allocation of Maestro (wire-compatible with Maestro v10).',
  });
}
