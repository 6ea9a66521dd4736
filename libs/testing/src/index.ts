export * from './wait-for';
export * from './builders';
export * from './infra';
export * from './app/test-app';
export * from './grpc/forwarder-server';
export * from './reference';
export * from './fakes/in-memory-scheduler-cache';
export * from './contracts/scheduler-cache.contract';
