// Imported first by main.ts: OpenTelemetry patches http, pg, ioredis, gRPC and Fastify as they load.
import { startTracingFromEnv } from '@maestro/platform/tracing';

/** Flushes the spans still buffered and stops tracing (a no-op when tracing is off). */
export const stopTracing = startTracingFromEnv(process.env, 'management-api');
