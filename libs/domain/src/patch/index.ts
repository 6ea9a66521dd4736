export * from './scheduler-patch';
