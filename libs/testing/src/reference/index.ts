export * from './maestro-openapi';
