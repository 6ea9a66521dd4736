import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { setUpOpenApi } from '@maestro/platform/openapi';

/** Swagger UI at /docs and the rooms API's OpenAPI document at /docs-json. */
export function setUpSwagger(app: NestFastifyApplication): void {
  setUpOpenApi(app, {
    title: 'Maestro rooms API',
    description: 'The routes game rooms call (ping, status, events, address) and the room allocation of Maestro (wire-compatible with Maestro v10).',
    bearer:
      "The room's own MAESTRO_ROOM_TOKEN (ping, status, roomevent, playerevent, address), or a management token of a matchmaker, operator or admin of the game (allocate, address); not needed when MAESTRO_ROOMSAPI_AUTH_ENABLED=false.",
  });
}
