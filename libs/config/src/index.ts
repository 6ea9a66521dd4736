export * from './env.schema';
export * from './go-duration';
export * from './load-config';
export * from './maestro-config';
export * from './config.module';
export * from './storage-options';
