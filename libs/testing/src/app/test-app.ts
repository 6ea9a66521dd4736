import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Component, type MaestroConfig, loadConfig } from '@maestro/config';
import { bootstrapApp, type RunningApp } from '@maestro/platform';
import { STORAGE_READINESS } from '@maestro/storage';
import type { InjectOptions } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../infra/test-database';
import { createTestRedis, type TestRedis } from '../infra/test-redis';

export interface HttpResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
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

  /** A request to the public API (the whole HTTP pipeline, no socket). */
  request(method: InjectOptions['method'], url: string, payload?: unknown): Promise<HttpResponse> {
    return inject(this.running.app, method, url, payload);
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

async function inject(app: NestFastifyApplication, method: InjectOptions['method'], url: string, payload?: unknown): Promise<HttpResponse> {
  const fastify = app.getHttpAdapter().getInstance();
  const request: InjectOptions = { method, url };
  if (typeof payload === 'string') Object.assign(request, { payload, headers: { 'content-type': 'application/json' } });
  else if (payload !== undefined) request.payload = payload as object;
  const response = await fastify.inject(request);
  try {
    return { status: response.statusCode, body: JSON.parse(response.body) };
  } catch {
    return { status: response.statusCode, body: response.body };
  }
}
