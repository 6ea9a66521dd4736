export * from './room-status-composition';
export * from './room-status-transitions';
export * from './room-status-calculator';
