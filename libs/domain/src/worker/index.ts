export * from './worker-options';
export * from './worker-supervisor';
export * from './scheduler-worker';
export * from './locked-execution';
export * from './periodic-operations';
export * from './operation-reconciler';
