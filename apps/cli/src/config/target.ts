import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Target } from '../api/http-client';
import { UsageError } from '../errors';
import type { CliConfig } from './config-file';

/** The management API of a local `npm start` (tools/scripts/start.mjs). */
export const LOCAL_URL = 'http://127.0.0.1:8080';
/** Where `npm start` writes the admin token, relative to the repository. */
export const ADMIN_TOKEN_FILE = path.join('.maestro', 'admin-token');

export interface TargetSources {
  config: CliConfig;
  env: NodeJS.ProcessEnv;
  /** `--context NAME`. */
  contextName?: string;
  /** Folders searched, in order, for `.maestro/admin-token` (each and its parents). */
  tokenSearchFrom: string[];
}

/**
 * Where to send requests: `MAESTRO_URL`, `MAESTRO_ROOMS_URL` and `MAESTRO_TOKEN` override the
 * selected context (`--context`, else the current one); with neither, the local `npm start`:
 * http://127.0.0.1:8080 (or the `MANAGEMENT_API_PORT` / `ROOMS_API_PORT` it was started with) and
 * the token of `.maestro/admin-token` when there is one.
 */
export function resolveTarget({ config, env, contextName, tokenSearchFrom }: TargetSources): Target {
  const name = contextName ?? config.currentContext;
  const context = name ? config.contexts.find((c) => c.name === name) : undefined;
  if (contextName && !context) throw new UsageError(`no context named ${contextName} (maestro login --name ${contextName} adds it)`);
  const local = !env.MAESTRO_URL && !context;
  const url = env.MAESTRO_URL || context?.url || localUrl(env.MANAGEMENT_API_PORT, 8080);
  const token = env.MAESTRO_TOKEN || context?.token || (local ? findAdminToken(tokenSearchFrom) : undefined);
  const roomsUrl = env.MAESTRO_ROOMS_URL || context?.roomsUrl || (local && env.ROOMS_API_PORT ? localUrl(env.ROOMS_API_PORT, 8070) : defaultRoomsUrl(url));
  return { url, roomsUrl, token, context: context?.name };
}

/** http://127.0.0.1:PORT, the way tools/scripts/start.mjs serves the apps. */
const localUrl = (port: string | undefined, fallback: number) => `http://127.0.0.1:${port || fallback}`;

/**
 * The rooms API beside a management API: the port 10 below (8080 -> 8070, as `npm start` and the
 * e2e suites run them); the same URL when the management URL names no port.
 */
export function defaultRoomsUrl(managementUrl: string): string {
  try {
    const url = new URL(managementUrl);
    if (!url.port) return managementUrl;
    url.port = String(Number(url.port) - 10);
    return url.toString().replace(/\/$/, '');
  } catch {
    throw new UsageError(`invalid API URL: ${managementUrl}`);
  }
}

/** The first `.maestro/admin-token` found in the folders or their parents, trimmed. */
export function findAdminToken(from: string[]): string | undefined {
  for (const start of from) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const file = path.join(dir, ADMIN_TOKEN_FILE);
      if (existsSync(file)) return readFileSync(file, 'utf8').trim() || undefined;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}
