export * from './scheduler.builder';
export * from './game-room.builder';
