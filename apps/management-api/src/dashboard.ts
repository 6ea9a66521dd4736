import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Where `nx build dashboard` (and `npm start`) put the dashboard's static files. */
export const DASHBOARD_DIR = path.resolve('dist/apps/dashboard');

/** What the page needs to know before its first API call (`GET /ui/config.json`, no token needed). */
export interface DashboardConfig {
  /** Whether the management API wants a token: the page then shows its sign-in form without probing. */
  authentication: boolean;
}

/**
 * Serves the web dashboard's static files at /ui/ (without authentication: only its API calls carry
 * a token) and its configuration at /ui/config.json. Answers whether it did: a management API
 * started before the dashboard was built serves the API alone.
 */
export function serveDashboard(app: NestFastifyApplication, config: DashboardConfig, root = DASHBOARD_DIR): boolean {
  if (!existsSync(path.join(root, 'index.html'))) return false;
  // Swagger UI registered @fastify/static first, with the reply decorators.
  app.useStaticAssets({ root, prefix: '/ui/', decorateReply: false, index: ['index.html'] });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/ui', (_request, reply) => reply.redirect('/ui/', 301));
  fastify.get('/ui/config.json', (_request, reply) => reply.header('cache-control', 'no-store').send(config));
  return true;
}
