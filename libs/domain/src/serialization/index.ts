export * from './scheduler-go-shape';
export * from './scheduler-request-json';
