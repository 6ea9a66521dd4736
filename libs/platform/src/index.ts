// The public API of @maestro/platform: what the apps' roots and mains use (bootstrap, signals,
// logging, the platform module and the shared use-case providers), and what the test helpers use.
// Controllers, filters, pipes and HTTP details stay inside: the library's own tests import them
// by relative path. The OpenAPI helpers are the separate entry point @maestro/platform/openapi.
export { bootstrapApp, type BootstrapOptions, type RunningApp } from './bootstrap';
export { exitOnSignals } from './exit-on-signals';
export { PlatformModule } from './platform.module';
export { METRICS_REGISTRY } from './health/internal-api.controller';
// Counters and histograms of hot paths, without prom-client's label hashing per call.
export { LabelledSeries, type LabelledSeriesOptions } from './metrics/labelled-series';
// Routes Fastify serves outside Nest's router (the rooms API's hot routes), with the same conventions.
export { DIRECT_ROUTES, type DirectRoute, type DirectRouteDoc } from './http/direct-routes';
export { createPinoLogger, type LoggingOptions } from './logging/logger';
// The use-case providers the apps' roots share: the whole composition folder is for them.
export * from './composition';
// Authentication: access rules, the guard's providers and the caller decorator.
export * from './auth';
