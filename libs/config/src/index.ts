// The public API of @maestro/config: loading the MAESTRO_* configuration, its Nest module, the
// storage options it implies, and the start-up wrapper. The schema, the parsers and the table
// renderer stay inside: the library's own tests and CLI import them by relative path.
export { loadConfig, type Env } from './load-config';
export { ConfigError } from './env-parsers';
export type { Component, MaestroConfig } from './maestro-config';
export { AppConfigModule, MAESTRO_CONFIG } from './config.module';
export { storageOptionsOf } from './storage-options';
export { forwarderOptionsOf } from './forwarder-options';
export { runOrExit, type StartUpHooks } from './start-up';
export { requireRoomsSecret } from './auth-checks';
