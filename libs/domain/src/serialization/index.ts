export * from './scheduler-go-shape';
