export * from './scheduler-parts.builder';
export * from './scheduler.builder';
export * from './game-room.builder';
export * from './instance.builder';
export * from './operation.builder';
export * from './simulated-scheduler.request';
