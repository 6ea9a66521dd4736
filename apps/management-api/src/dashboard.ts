import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Where `nx build dashboard` (and `npm start`) put the dashboard's static files. */
export const DASHBOARD_DIR = path.resolve('dist/apps/dashboard');

/**
 * Serves the web dashboard's static files at /ui/ (without authentication: only its API calls carry
 * a token). Answers whether it did: a management API started before the dashboard was built
 * serves the API alone.
 */
export function serveDashboard(app: NestFastifyApplication, root = DASHBOARD_DIR): boolean {
  if (!existsSync(path.join(root, 'index.html'))) return false;
  // Swagger UI registered @fastify/static first, with the reply decorators.
  app.useStaticAssets({ root, prefix: '/ui/', decorateReply: false, index: ['index.html'] });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/ui', (_request, reply) => reply.redirect('/ui/', 301));
  return true;
}
