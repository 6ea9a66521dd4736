export * from './room-status.rules';
