export * from './room-status.rules';
export * from './max-surge';
export * from './rollback-threshold';
