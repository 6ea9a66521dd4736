// @maestro/platform/tracing: OpenTelemetry for the apps' mains. Imported before anything else (it
// patches http, pg, ioredis, gRPC and Fastify as they load); the rest of the platform never loads it.
import { type Component, ConfigError, type Env, loadConfig } from '@maestro/config';
import type * as Sdk from './start-tracing';
import { tracingSettingsOf } from './tracing-settings';

export { tracingSettingsOf, type TracingSettings } from './tracing-settings';

/**
 * Starts tracing when the environment asks for it (tracingSettingsOf); a no-op otherwise, and when the
 * configuration is invalid (the main reports that). Resolves to the function that flushes and stops.
 */
export function startTracingFromEnv(env: Env, component: Component): () => Promise<void> {
  let config;
  try {
    config = loadConfig(env, component);
  } catch (error) {
    if (error instanceof ConfigError) return () => Promise.resolve();
    throw error;
  }
  const settings = tracingSettingsOf(env, config);
  if (!settings) return () => Promise.resolve();
  // Loaded only when tracing is on: the SDK and its instrumentations take a quarter of a second to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTracing } = require('./start-tracing') as typeof Sdk;
  return startTracing(settings);
}
