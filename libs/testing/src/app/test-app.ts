import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Component, type MaestroConfig, loadConfig } from '@maestro/config';
import { roomToken } from '@maestro/domain';
import { bootstrapApp, type RunningApp } from '@maestro/platform';
import { STORAGE_READINESS } from '@maestro/storage';
import type { InjectOptions } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../infra/test-database';
import { createTestRedis, type TestRedis } from '../infra/test-redis';

export interface HttpResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * The credentials every test app starts with: the management API's bootstrap token (an admin of
 * every game, MAESTRO_API_AUTH_BOOTSTRAPTOKEN) and the rooms' secret (MAESTRO_ROOMSAPI_AUTH_SECRET).
 */
export const TEST_AUTH = {
  bootstrapToken: 'test-bootstrap-token-0123456789abcdef',
  roomsSecret: 'test-rooms-secret-0123456789abcdef',
} as const;

/** Env of a test app with authentication on, with {@link TEST_AUTH}'s credentials. */
export const TEST_AUTH_ENV: Readonly<Record<string, string>> = {
  MAESTRO_API_AUTH_BOOTSTRAPTOKEN: TEST_AUTH.bootstrapToken,
  MAESTRO_ROOMSAPI_AUTH_SECRET: TEST_AUTH.roomsSecret,
};

/** The token of a room under {@link TEST_AUTH}'s secret (what the worker gives the room's pod). */
export const testRoomToken = (schedulerName: string, roomId: string): string => roomToken(TEST_AUTH.roomsSecret, schedulerName, roomId);

/** The routes only a room calls with its own token: `/scheduler/<s>/rooms/<room>/<ping|status|...>`. */
const ROOM_ROUTE = /^\/scheduler\/([^/]+)\/rooms\/([^/]+)\/(ping|status|roomevent|playerevent)(?:\?|$)/;

/**
 * The credential a test request carries unless it says otherwise: the room's own token on the routes
 * of rooms, else the bootstrap token.
 */
export function defaultCredential(url: string): string {
  const room = ROOM_ROUTE.exec(url);
  return room ? testRoomToken(decodeURIComponent(room[1]), decodeURIComponent(room[2])) : TEST_AUTH.bootstrapToken;
}

/** Per-request options of {@link TestApp.request}. */
export interface RequestOptions {
  /** The bearer credential; `null` sends none; by default {@link defaultCredential}. */
  token?: string | null;
  /** The client address (rate limits are per address); 127.0.0.1 by default. */
  remoteAddress?: string;
}

export interface TestAppOptions {
  component: Component;
  root: (env: Record<string, string | undefined>, config: MaestroConfig) => DynamicModule;
  /** Whether the app serves a public API. */
  publicApi?: boolean;
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
  env?: Record<string, string>;
  /** Run on another test app's database and Redis prefix (several replicas of one system). */
  sharing?: TestApp;
}

/** A real app on a database and Redis key prefix of its own, driven in-process through Fastify. */
export class TestApp {
  private constructor(
    readonly running: RunningApp,
    readonly db: TestDatabase,
    readonly redis: TestRedis,
    readonly config: MaestroConfig,
  ) {}

  static async start(options: TestAppOptions): Promise<TestApp> {
    const [db, redis] = options.sharing
      ? [
          { ...options.sharing.db, drop: async () => undefined },
          { ...options.sharing.redis, cleanup: async () => undefined },
        ]
      : await Promise.all([createTestDatabase(), createTestRedis()]);
    const env = {
      MAESTRO_ADAPTERS_SCHEDULERSTORAGE_POSTGRES_URL: db.url,
      MAESTRO_ADAPTERS_REDIS_KEYPREFIX: redis.keyPrefix,
      MAESTRO_LOG_LEVEL: 'error',
      ...TEST_AUTH_ENV,
      ...options.env,
    };
    const config = loadConfig(env, options.component);
    const running = await bootstrapApp(options.root(env, config), {
      port: options.publicApi === false ? undefined : 0,
      internalPort: 0,
      host: '127.0.0.1',
      readinessToken: STORAGE_READINESS,
      configure: options.configure,
    });
    return new TestApp(running, db, redis, config);
  }

  /**
   * A request to the public API (the whole HTTP pipeline, no socket), authenticated as
   * {@link defaultCredential} unless `options.token` says otherwise.
   */
  request(method: InjectOptions['method'], url: string, payload?: unknown, options: RequestOptions = {}): Promise<HttpResponse> {
    const token = options.token === undefined ? defaultCredential(url) : options.token;
    return inject(this.running.app, method, url, payload, { token, remoteAddress: options.remoteAddress });
  }

  /** A request to the internal API (health, readiness, metrics). */
  internal(url: string): Promise<HttpResponse> {
    return inject(this.running.internal as NestFastifyApplication, 'GET', url);
  }

  async stop(): Promise<void> {
    await this.running.close();
    await Promise.all([this.db.drop(), this.redis.cleanup()]);
  }
}

async function inject(
  app: NestFastifyApplication,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
  { token, remoteAddress }: { token?: string | null; remoteAddress?: string } = {},
): Promise<HttpResponse> {
  const fastify = app.getHttpAdapter().getInstance();
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const request: InjectOptions = { method, url, headers, ...(remoteAddress ? { remoteAddress } : {}) };
  if (typeof payload === 'string') Object.assign(request, { payload, headers: { ...headers, 'content-type': 'application/json' } });
  else if (payload !== undefined) request.payload = payload as object;
  const response = await fastify.inject(request);
  try {
    return { status: response.statusCode, body: JSON.parse(response.body) };
  } catch {
    return { status: response.statusCode, body: response.body };
  }
}
