// A separate entry point (@maestro/platform/openapi): components without a public API (the
// worker...) do not load @nestjs/swagger.
export * from './error.response';
export * from './set-up-openapi';
