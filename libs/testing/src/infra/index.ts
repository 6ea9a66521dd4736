export * from './test-database';
export * from './test-redis';
export * from './private-redis';
export * from './private-postgres';
